package dev.assay.model.crd.datasetjob;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Profile one dataset: the operator runs the runner image as a Job that reads {@code spec.source} from the
 * artifact store and writes profile.json, report.html and cleaned.csv under the DatasetJob's name.
 */
@Group("assay.dev")
@Version("v1alpha1")
@Plural("datasetjobs")
@ShortNames({"dsj", "dataset"})
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class DatasetJob extends CustomResource<DatasetJobSpec, DatasetJobStatus> implements Namespaced {
}
