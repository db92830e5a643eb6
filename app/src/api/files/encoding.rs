//! How an upload crosses the wire: a `POST` whose body is the file's bytes as they are
//! (`application/octet-stream`), what the file is for in the query string. Not JSON (a file
//! would grow by a third in base64 and be held whole in memory to decode), not a multipart form
//! (which a cross-site page may send without asking, where an octet stream needs the browser's
//! CORS preflight, which this server never grants): the server reads the body as a stream and
//! stores it as it comes.

use domain::file::{FileUse, UploadId, clean_name};
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

    #[cfg(test)]
    fn from_query(query: &str) -> Option<UploadAbout> {
        Self::with_part(query).map(|(about, _)| about)
    }

    /// What the query says, and the part it names if it names one (both or neither of
    /// `upload` and `offset`).
    fn with_part(query: &str) -> Option<(UploadAbout, Option<Part>)> {
        let (mut school, mut usage, mut name, mut attempt) = (None, None, None, None);
        let (mut upload, mut offset) = (None, None);
        for (key, value) in query.split('&').filter_map(|pair| pair.split_once('=')) {
            match key {
                "school" => school = Some(SchoolId::new(value.parse().ok()?)),
                "usage" => usage = Some(value.parse().ok()?),
                "name" => name = clean_name(&percent_decode_str(value).decode_utf8().ok()?),
                "attempt" => attempt = Some(AttemptId::new(value.parse().ok()?)),
                "upload" => upload = Some(value.parse::<UploadId>().ok()?),
                "offset" => offset = Some(value.parse::<u64>().ok()?),
                _ => return None,
            }
        }
        let part = match (upload, offset) {
            (Some(upload), Some(offset)) => Some(Part { upload, offset }),
            (None, None) => None,
            _ => return None,
        };
        let about = UploadAbout {
            school: school?,
            usage: usage?,
            name,
            attempt,
        };
        Some((about, part))
    }
}

/// Which part of a file sent in parts a body is (`files/upload_part`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub upload: UploadId,
    /// Where in the file its bytes start.
    pub offset: u64,
}

impl Part {
    fn query(&self) -> String {
        format!("&upload={}&offset={}", self.upload, self.offset)
    }
}

/// An upload: what it is for, and its bytes (in the browser, the whole file or one part of it;
/// on the server, the request's body as it arrives).
pub struct FileUpload {
    pub about: UploadAbout,
    pub part: Option<Part>,
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
            part: None,
            body: Payload::Whole(bytes.into()),
        }
    }

    /// One part of a file sent in parts.
    pub fn part(about: UploadAbout, part: Part, bytes: impl Into<Bytes>) -> FileUpload {
        FileUpload {
            about,
            part: Some(part),
            body: Payload::Whole(bytes.into()),
        }
    }
}

/// The request that carries an upload: the bytes as the body, the rest in the query.
fn into_req<Request: ClientReq<E>, E: FromServerFnError>(
    upload: FileUpload,
    path: &str,
    accepts: &str,
) -> Result<Request, E> {
    let FileUpload { about, part, body } = upload;
    let part = part.map(|p| p.query()).unwrap_or_default();
    match body {
        Payload::Whole(bytes) => Request::try_new_req_bytes(
            &format!("{path}?{}{part}", about.query()),
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

/// An upload as the server reads it: the query, and the body as it arrives.
async fn from_req<Request: Req<E> + Send + 'static, E: FromServerFnError>(
    req: Request,
) -> Result<FileUpload, E> {
    use futures::StreamExt;
    let (about, part) = UploadAbout::with_part(req.as_query().unwrap_or_default())
        .ok_or_else(|| E::from_server_fn_error(ServerFnErrorErr::Args("upload query".into())))?;
    let body = req
        .try_into_stream()?
        .map(|chunk| chunk.map_err(|_| BodyError::Interrupted))
        .boxed();
    Ok(FileUpload {
        about,
        part,
        body: Payload::Arriving(body),
    })
}

/// The two functions that take an upload: a whole file, or a part of one.
macro_rules! upload_encoding {
    ($($function:ident),*) => {$(
        impl<E, Request> IntoReq<Upload, Request, E> for super::$function
        where
            Request: ClientReq<E>,
            E: FromServerFnError,
        {
            fn into_req(self, path: &str, accepts: &str) -> Result<Request, E> {
                into_req(self.upload, path, accepts)
            }
        }

        impl<E, Request> FromReq<Upload, Request, E> for super::$function
        where
            Request: Req<E> + Send + 'static,
            E: FromServerFnError,
        {
            async fn from_req(req: Request) -> Result<Self, E> {
                Ok(super::$function {
                    upload: from_req(req).await?,
                })
            }
        }
    )*};
}

upload_encoding!(UploadFile, UploadPart);

impl std::fmt::Debug for FileUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileUpload")
            .field("about", &self.about)
            .finish_non_exhaustive()
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
        let hand_in = UploadAbout {
            school: SchoolId::new(7),
            usage: FileUse::HandIn,
            name: Some("copie.pdf".into()),
            attempt: None,
        };
        let part = Part {
            upload: UploadId::from_random([7; 16]),
            offset: 65536,
        };
        let query = format!("{}{}", hand_in.query(), part.query());
        assert_eq!(UploadAbout::with_part(&query), Some((hand_in, Some(part))));
        // Half a part is no part.
        assert_eq!(
            UploadAbout::with_part("school=7&usage=hand_in&offset=3"),
            None
        );
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
