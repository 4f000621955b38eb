package dev.assay.api.assistant;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/assistant: a request in plain words → a validated plan, never code. */
@RestController
@RequestMapping("/api/v1")
public class AssistantController {

    private final AssistantService assistant;

    public AssistantController(AssistantService assistant) {
        this.assistant = assistant;
    }

    @Operation(summary = "Propose a plan of whitelisted actions for a request in plain words")
    @PostMapping("/assistant")
    public PlanProposal propose(@Valid @RequestBody AssistantRequest request) {
        return assistant.propose(request);
    }
}
