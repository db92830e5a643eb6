//! Scola's web interface (compiled to WebAssembly with `csr`) and its server functions (whose
//! bodies are compiled into the server with `ssr`).
// A whole area's view type, made `AnyView` at its split point (pages/lazy.rs), nests deeper
// than the default limit allows when the server build lays it out.
#![recursion_limit = "256"]

pub mod api;
pub mod error;
pub mod i18n;

#[cfg(feature = "ssr")]
pub mod ports;

mod components;
mod device;
mod offline;
mod pages;
mod shell;

pub use shell::App;
