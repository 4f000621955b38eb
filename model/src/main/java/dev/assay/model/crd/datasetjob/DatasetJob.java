package dev.assay.model.crd.datasetjob;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Profile one dataset: the operator runs the runner image as a Job that reads {@code spec.source} from the
 * artifact store and writes profile.json, report.html and cleaned.csv under the DatasetJob's name.
 */
// The CRD generator ignores it; CrdDescriptions writes it into the CRD at build time (kubectl explain).
@JsonClassDescription(
        "Profile one dataset: the operator runs the runner image as a batch/v1 Job that reads spec.source from this "
                + "namespace's part of the artifact store and writes profile.json, report.html and cleaned.csv under the "
                + "DatasetJob's name; the status carries the phase, the rows and columns and the artifact keys.")
@Group("assay.dev")
@Version("v1alpha1")
@Plural("datasetjobs")
@ShortNames({"dsj", "assaydataset"})
@Categories("assay")
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class DatasetJob extends CustomResource<DatasetJobSpec, DatasetJobStatus> implements Namespaced {

    // Overridden only to describe spec and status in the CRD's schema (kubectl explain).
    @Override
    @JsonPropertyDescription(
            "What to profile: the source object in this namespace's part of the artifact store, and how to read it.")
    public DatasetJobSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription(
            "What the operator observed: phase, conditions, the runner's progress, the profile's numbers and artifact keys. Written only by the operator.")
    public DatasetJobStatus getStatus() {
        return super.getStatus();
    }
}
