package dev.assay.runner.storage;

class InMemoryStatusStoreTest extends StatusStoreContract {

    @Override
    protected StatusStore store() {
        return new InMemoryStatusStore();
    }
}
