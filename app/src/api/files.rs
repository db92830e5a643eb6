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

pub use encoding::{FileUpload, Part, Upload, UploadAbout};
pub use error::FileError;

use domain::file::{FileId, FileKind, FileUse, UploadId};
use domain::ids::SchoolId;
use leptos::prelude::*;
use leptos::server_fn::codec::{ByteStream, GetUrl, Json, Streaming};
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

/// Where a file sent in parts stands: the bytes the server has (the offset the next part
/// starts at), and the file once the last part made it whole and it passed its checks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartsReceived {
    pub received: u64,
    pub file: Option<Uploaded>,
}

/// Starts a file sent in parts (`total` bytes, in parts of `part_size`): refused at once when
/// it is larger than its use accepts. Pupils' hand-ins go this way, so that a dropped
/// connection costs one part, not the file.
#[server(endpoint = "files/upload_start", input = Json)]
pub async fn upload_start(
    school: SchoolId,
    usage: FileUse,
    name: Option<String>,
    total: u64,
    part_size: u64,
) -> Result<UploadId, FileError> {
    server::parts::start(school, usage, name, total, part_size).await
}

/// One part, its bytes the body; the query names the upload and the part's offset. A part sent
/// again (its answer lost) is taken as received.
#[server(endpoint = "files/upload_part", input = Upload, input_derive = ())]
pub async fn upload_part(upload: FileUpload) -> Result<PartsReceived, FileError> {
    server::parts::part(upload).await
}

/// Where an upload stands, to go on after a drop.
#[server(endpoint = "files/upload_status", input = Json)]
pub async fn upload_status(upload: UploadId) -> Result<PartsReceived, FileError> {
    server::parts::status(upload).await
}

/// A file's bytes, to its owner and to whoever may see an exercise that uses it. Pages use its
/// address, `/files/<id>`, which the server routes here.
#[server(endpoint = "files/get", input = GetUrl, output = Streaming)]
pub async fn get_file(id: FileId) -> Result<ByteStream<FileError>, FileError> {
    server::download(id).await
}
