//! The committed TypeScript bindings must match the Rust types.
//! `UPDATE_BINDINGS=1 cargo test -p rootwise-core --test bindings` (or
//! `make bindings`) rewrites them.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

#[test]
fn committed_bindings_are_fresh() {
    let fresh = tempfile::tempdir().unwrap();
    rootwise_core::bindings::export_all(fresh.path()).unwrap();
    assert!(
        fresh.path().join("Problem.ts").exists() && fresh.path().join("ErrorPayload.ts").exists()
    );
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings");
    let update = std::env::var_os("UPDATE_BINDINGS").is_some();
    let stale =
        rootwise_core::bindings::compare_or_update(fresh.path(), &committed, update).unwrap();
    assert!(
        stale.is_empty(),
        "ui/src/bindings is stale ({stale:?}); run `make bindings` and commit the result"
    );
}
