package dev.assay.api.e2e;

import dev.assay.api.ApiOverHttp;

/** The laptop defaults: artifacts and the status journal in a folder, the engine in this process. */
@ApiOverHttp
class LaptopFlowIT extends FlowTest {}
