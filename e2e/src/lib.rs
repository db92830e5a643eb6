//! Browser tests live in `tests/`; see `tests/support/mod.rs`.
