package dev.assay.api.plans;

import dev.assay.model.plan.schema.PlanSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Derives the plan's JSON Schema and its validators (model's {@link PlanSchema}, a few hundred milliseconds of CPU)
 * on a thread of its own once the api is ready, rather than while the context is built (issue 18,
 * docs/cold-start.md): readiness does not wait for it, and the first plan to validate or apply seldom does. A
 * request that comes first just derives it itself (class initialisation is thread-safe).
 */
@Component
class PlanSchemaWarmUp {

    private static final Logger log = LoggerFactory.getLogger(PlanSchemaWarmUp.class);

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofPlatform().name("plan-schema-warm-up").daemon().start(() -> {
            try {
                PlanSchema.plan();
            } catch (RuntimeException | LinkageError e) {
                // The first request that needs the schema derives it again and reports the error there.
                log.warn("could not derive the plan schema ahead of its first use: {}", e.toString());
            }
        });
    }
}
