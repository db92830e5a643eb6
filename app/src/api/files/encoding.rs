//! How an upload crosses the wire: a `POST` whose body is the file's bytes as they are
//! (`application/octet-stream`), what the file is for in the query string. Not JSON (a file
//! would grow by a third in base64 and be held whole in memory to decode), not a multipart form
//! (which a cross-site page may send without asking, where an octet stream needs the browser's
//! CORS preflight, which this server never grants): the server reads the body as a stream and
//! stores it as it comes.

use domain::file::{FileUse, clean_name};
use domain::ids::{AttemptId, SchoolId};
use http::Method;
use leptos::server_fn::Bytes;
use leptos::server_fn::ContentType;
use leptos::server_fn::codec::{Encoding, FromReq, IntoReq};
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::request::{ClientReq, Req};
use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// The encoding of [`super::upload_file`].
pub struct Upload;

impl ContentType for Upload {
    const CONTENT_TYPE: &'static str = "application/octet-stream";
}

impl Encoding for Upload {
    const METHOD: Method = Method::POST;
}

/// What a file is for and whose it will be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadAbout {
    pub school: SchoolId,
    pub usage: FileUse,
    /// The name the uploader's device gave it (cleaned: no path).
    pub name: Option<String>,
    /// The attempt a spoken answer is recorded in (`FileUse::AnswerAudio`).
    pub attempt: Option<AttemptId>,
}

impl UploadAbout {
    /// The query string that carries it.
    pub fn query(&self) -> String {
        let mut query = format!("school={}&usage={}", self.school, self.usage.code());
        if let Some(name) = &self.name {
            query.push_str("&name=");
            query.extend(utf8_percent_encode(name, NON_ALPHANUMERIC));
        }
        if let Some(attempt) = self.attempt {
            query.push_str(&format!("&attempt={attempt}"));
        }
        query
    }

    fn from_query(query: &str) -> Option<UploadAbout> {
        let (mut school, mut usage, mut name, mut attempt) = (None, None, None, None);
        for (key, value) in query.split('&').filter_map(|pair| pair.split_once('=')) {
            match key {
                "school" => school = Some(SchoolId::new(value.parse().ok()?)),
                "usage" => usage = Some(value.parse().ok()?),
                "name" => name = clean_name(&percent_decode_str(value).decode_utf8().ok()?),
                "attempt" => attempt = Some(AttemptId::new(value.parse().ok()?)),
                _ => return None,
            }
        }
        Some(UploadAbout {
            school: school?,
            usage: usage?,
            name,
            attempt,
        })
    }
}

/// An upload: what it is for, and its bytes (in the browser, the whole file; on the server,
/// the request's body as it arrives).
pub struct FileUpload {
    pub about: UploadAbout,
    pub(super) body: Payload,
}

pub(super) enum Payload {
    Whole(Bytes),
    // Read by the server's body only; the browser's build decodes no request.
    #[cfg_attr(not(feature = "ssr"), allow(dead_code))]
    Arriving(Arriving),
}

/// The bytes of an upload as they arrive.
pub type Arriving = futures::stream::BoxStream<'static, Result<Bytes, BodyError>>;

/// Why the bytes of an upload stopped coming.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyError {
    /// The checks refused it (too big, not of an accepted kind).
    Refused(domain::file::FileProblem),
    /// The connection broke before the end.
    Interrupted,
}

impl FileUpload {
    pub fn new(about: UploadAbout, bytes: impl Into<Bytes>) -> FileUpload {
        FileUpload {
            about,
            body: Payload::Whole(bytes.into()),
        }
    }
}

impl std::fmt::Debug for FileUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileUpload")
            .field("about", &self.about)
            .finish_non_exhaustive()
    }
}

impl<E, Request> IntoReq<Upload, Request, E> for super::UploadFile
where
    Request: ClientReq<E>,
    E: FromServerFnError,
{
    fn into_req(self, path: &str, accepts: &str) -> Result<Request, E> {
        let FileUpload { about, body } = self.upload;
        match body {
            Payload::Whole(bytes) => Request::try_new_req_bytes(
                &format!("{path}?{}", about.query()),
                Upload::CONTENT_TYPE,
                accepts,
                bytes,
                Method::POST,
            ),
            Payload::Arriving(_) => Err(E::from_server_fn_error(ServerFnErrorErr::Request(
                "an arriving upload is not sent again".into(),
            ))),
        }
    }
}

impl<E, Request> FromReq<Upload, Request, E> for super::UploadFile
where
    Request: Req<E> + Send + 'static,
    E: FromServerFnError,
{
    async fn from_req(req: Request) -> Result<Self, E> {
        use futures::StreamExt;
        let about =
            UploadAbout::from_query(req.as_query().unwrap_or_default()).ok_or_else(|| {
                E::from_server_fn_error(ServerFnErrorErr::Args("upload query".into()))
            })?;
        let body = req
            .try_into_stream()?
            .map(|chunk| chunk.map_err(|_| BodyError::Interrupted))
            .boxed();
        Ok(super::UploadFile {
            upload: FileUpload {
                about,
                body: Payload::Arriving(body),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_reads_back_and_names_lose_their_path() {
        let about = UploadAbout {
            school: SchoolId::new(7),
            usage: FileUse::Audio,
            name: Some("dictée n°1 & co.ogg".into()),
            attempt: None,
        };
        assert_eq!(UploadAbout::from_query(&about.query()), Some(about));
        let answer = UploadAbout {
            school: SchoolId::new(7),
            usage: FileUse::AnswerAudio,
            name: None,
            attempt: Some(AttemptId::new(42)),
        };
        assert_eq!(answer.query(), "school=7&usage=answer_audio&attempt=42");
        assert_eq!(UploadAbout::from_query(&answer.query()), Some(answer));
        let read = UploadAbout::from_query("school=1&usage=image&name=..%2F..%2Fx.png");
        assert_eq!(read.and_then(|a| a.name).as_deref(), Some("x.png"));
        for bad in [
            "",
            "school=1",
            "school=x&usage=audio",
            "school=1&usage=video",
            "school=1&usage=audio&x=1",
            "school=1&usage=answer_audio&attempt=x",
        ] {
            assert_eq!(UploadAbout::from_query(bad), None, "{bad}");
        }
    }
}
