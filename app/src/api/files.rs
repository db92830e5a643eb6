//! Stored files: a teacher uploads a recording or a picture for an exercise (`files/upload`);
//! anyone allowed reads it back at `/files/<id>` (`files/get`, see `server::http`), served so
//! that a browser never runs it (`nosniff`, a sandboxing CSP, the kind its content showed).
//!
//! An upload is the file's bytes as they are (not JSON, not a form: see [`encoding`]), checked
//! as they arrive (`domain::file::Intake`: size, then kind by the first bytes) and written to
//! the store whole or not at all, then recorded. Later (issue 11), large hand-ins will be sent
//! in parts to the same store; the record is written only once a file is whole, whatever way
//! it came.

pub mod encoding;
mod error;
#[cfg(feature = "ssr")]
pub(crate) mod server;
#[cfg(feature = "ssr")]
pub(crate) use server::new_files;

pub use encoding::{FileUpload, Upload, UploadAbout};
pub use error::FileError;

use domain::file::{FileId, FileKind};
use leptos::prelude::*;
use leptos::server_fn::codec::{ByteStream, GetUrl, Streaming};
use serde::{Deserialize, Serialize};

/// A file just stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uploaded {
    pub id: FileId,
    pub kind: FileKind,
    pub size: u64,
}

impl Uploaded {
    /// Where pages load it from (the extension tells Markdown an audio file from an image).
    pub fn url(&self) -> String {
        self.id.url(self.kind)
    }
}

/// Stores a file for its uploader. Its bytes are the request's body, what it is for is in the
/// query (see [`encoding`]).
#[server(endpoint = "files/upload", input = Upload, input_derive = ())]
pub async fn upload_file(upload: FileUpload) -> Result<Uploaded, FileError> {
    server::upload(upload).await
}

/// A file's bytes, to its owner and to whoever may see an exercise that uses it. Pages use its
/// address, `/files/<id>`, which the server routes here.
#[server(endpoint = "files/get", input = GetUrl, output = Streaming)]
pub async fn get_file(id: FileId) -> Result<ByteStream<FileError>, FileError> {
    server::download(id).await
}
