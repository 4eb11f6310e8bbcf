package dev.vouch.store;

import java.nio.file.Path;

class SqliteMirrorRepositoryTest extends MirrorRepositoryContract {

    @Override
    Store openStore(Path dataDir) {
        return Store.openSqlite(dataDir);
    }
}
