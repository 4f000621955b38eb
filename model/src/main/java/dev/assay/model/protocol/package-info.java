/**
 * The runner protocol, declared once: where a task's artifacts and status live ({@link TaskScope},
 * {@link ArtifactLayout}, {@link StatusKeys}), how the runner is called ({@link RunnerArgs}, {@link RunnerEnv})
 * and how it ends ({@link RunnerExit}). The api, the operator and the runner all build keys, arguments and
 * environment from here; none of them spells a key or a flag by hand.
 */
package dev.assay.model.protocol;
