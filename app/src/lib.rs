//! Scola's web interface (compiled to WebAssembly with `csr`) and its server functions (whose
//! bodies are compiled into the server with `ssr`).

pub mod api;
pub mod error;
pub mod i18n;

#[cfg(feature = "ssr")]
pub mod ports;

mod components;
mod pages;
mod shell;

pub use shell::App;
