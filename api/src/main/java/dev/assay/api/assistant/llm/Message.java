package dev.assay.api.assistant.llm;

/** One turn of a conversation with a model: the person's side (user) or the model's (assistant). */
public record Message(Role role, String text) {

    public enum Role {
        USER,
        ASSISTANT
    }

    public static Message user(String text) {
        return new Message(Role.USER, text);
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, text);
    }
}
