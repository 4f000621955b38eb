package dev.assay.runner.training;

import dev.assay.model.result.ModelReport;

/** What train_model produced: the honest report (metrics.json and the model card) and the model to save. */
public record TrainedModel(ModelReport report, FittedModel model) {}
