//! The one place files' bytes are kept (recordings, pictures; hand-ins next), on the
//! `object_store` crate: a directory under the data directory by default, an S3-compatible
//! bucket by configuration (`SCOLA_S3_*`, see [`StorageConfig`]). Several servers on one
//! database share files through the bucket.
//!
//! A file is written as a multipart upload, which the store makes visible only once it is
//! complete (a local file is renamed into place; S3 assembles the parts): a failure at any
//! point, in the body or in the store, aborts it and leaves nothing under the file's name.
//! The same mechanism will carry the resumable uploads of large hand-ins (issue 11): S3 keeps
//! an unfinished upload's parts under its upload id until it is completed or aborted.

use app::ports::{Body, BodyError, FileStore, PutError, StoreError};
use async_trait::async_trait;
use domain::file::{FileId, UploadId};
use futures::StreamExt;
use leptos::server_fn::Bytes;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, WriteMultipart};
use std::sync::Arc;

/// Where files are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageConfig {
    /// `<data dir>/files`, owner-only: the default.
    UnderDataDir,
    /// A directory of the server's own elsewhere (`SCOLA_FILES_DIR`), owner-only.
    Dir(std::path::PathBuf),
    /// An S3-compatible bucket (Amazon S3, MinIO, Garage, Scaleway, OVH…).
    S3(S3Config),
}

#[derive(Clone, PartialEq, Eq)]
pub struct S3Config {
    /// `SCOLA_S3_ENDPOINT`: the service's address (`https://s3.fr-par.scw.cloud`); unset for
    /// Amazon S3 itself.
    pub endpoint: Option<String>,
    /// `SCOLA_S3_BUCKET`.
    pub bucket: String,
    /// `SCOLA_S3_REGION` (default `us-east-1`, which most other services accept).
    pub region: String,
    /// `SCOLA_S3_ACCESS_KEY_ID` and `SCOLA_S3_SECRET_ACCESS_KEY`.
    pub access_key_id: String,
    pub secret_access_key: String,
    /// `SCOLA_S3_ALLOW_HTTP=1`: a service on plain http (a local MinIO); never for a real one.
    pub allow_http: bool,
}

impl std::fmt::Debug for S3Config {
    /// The secret key stays out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Config")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field("allow_http", &self.allow_http)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("file storage: {0}")]
    Open(#[from] object_store::Error),
    #[error("file storage: {0}")]
    Io(#[from] std::io::Error),
}

/// Parts of a multipart upload: S3 takes at least 5 MiB but for the last.
const PART_BYTES: usize = 5 * 1024 * 1024;

/// The file store, shared by every request.
#[derive(Clone, Debug)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
}

impl Storage {
    /// The store `config` names, `data_dir` being the server's data directory.
    pub fn open(
        config: &StorageConfig,
        data_dir: &std::path::Path,
    ) -> Result<Storage, StorageError> {
        let local = |dir: &std::path::Path| -> Result<Arc<dyn ObjectStore>, StorageError> {
            crate::private_files::create_dir(dir)?;
            Ok(Arc::new(
                object_store::local::LocalFileSystem::new_with_prefix(dir)?,
            ))
        };
        let store: Arc<dyn ObjectStore> = match config {
            StorageConfig::UnderDataDir => local(&data_dir.join("files"))?,
            StorageConfig::Dir(dir) => local(dir)?,
            StorageConfig::S3(s3) => {
                let mut builder = object_store::aws::AmazonS3Builder::new()
                    .with_bucket_name(&s3.bucket)
                    .with_region(&s3.region)
                    .with_access_key_id(&s3.access_key_id)
                    .with_secret_access_key(&s3.secret_access_key)
                    .with_allow_http(s3.allow_http);
                if let Some(endpoint) = &s3.endpoint {
                    builder = builder.with_endpoint(endpoint);
                }
                Arc::new(builder.build()?)
            }
        };
        Ok(Storage { store })
    }

    /// A store of any kind (tests use `object_store`'s in-memory one, or one that fails).
    pub fn over(store: Arc<dyn ObjectStore>) -> Storage {
        Storage { store }
    }
}

fn location(id: &FileId) -> Path {
    // Ids are 32 hexadecimal digits: nothing in them a path could misread.
    Path::from(id.as_str())
}

/// Where the parts of a file sent in parts wait until it is whole: apart from files, named by
/// the upload's random id and the part's number.
fn part_location(upload: &UploadId, index: u64) -> Path {
    Path::from(format!("parts/{}/{index:08}", upload.as_str()))
}

fn unavailable(e: object_store::Error) -> StoreError {
    tracing::error!(error = %e, "file storage failure");
    StoreError::Unavailable(e.to_string())
}

#[async_trait]
impl FileStore for Storage {
    async fn put(&self, id: &FileId, mut body: Body<BodyError>) -> Result<(), PutError> {
        let upload = self
            .store
            .put_multipart(&location(id))
            .await
            .map_err(|e| PutError::Store(unavailable(e)))?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, PART_BYTES);
        while let Some(chunk) = body.next().await {
            let failed = match chunk {
                Ok(bytes) => match writer.wait_for_capacity(2).await {
                    Ok(()) => {
                        writer.put(bytes);
                        continue;
                    }
                    Err(e) => PutError::Store(unavailable(e)),
                },
                Err(e) => PutError::Body(e),
            };
            if let Err(e) = writer.abort().await {
                tracing::error!(file = %id, error = %e, "an aborted upload was not cleaned up");
            }
            return Err(failed);
        }
        writer
            .finish()
            .await
            .map(|_| ())
            .map_err(|e| PutError::Store(unavailable(e)))
    }

    async fn get(&self, id: &FileId) -> Result<Option<Body<StoreError>>, StoreError> {
        match self.store.get(&location(id)).await {
            Ok(found) => Ok(Some(
                found
                    .into_stream()
                    .map(|chunk| chunk.map_err(unavailable))
                    .boxed(),
            )),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(unavailable(e)),
        }
    }

    async fn delete(&self, id: &FileId) -> Result<(), StoreError> {
        match self.store.delete(&location(id)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(unavailable(e)),
        }
    }

    async fn put_part(
        &self,
        upload: &UploadId,
        index: u64,
        bytes: Bytes,
    ) -> Result<(), StoreError> {
        // One request: a part is at most a few megabytes, written whole or not at all.
        self.store
            .put(&part_location(upload, index), bytes.into())
            .await
            .map(|_| ())
            .map_err(unavailable)
    }

    async fn get_part(&self, upload: &UploadId, index: u64) -> Result<Option<Bytes>, StoreError> {
        match self.store.get(&part_location(upload, index)).await {
            Ok(found) => found.bytes().await.map(Some).map_err(unavailable),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(unavailable(e)),
        }
    }

    async fn delete_parts(&self, upload: &UploadId, count: u64) -> Result<(), StoreError> {
        for index in 0..count {
            match self.store.delete(&part_location(upload, index)).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(unavailable(e)),
            }
        }
        Ok(())
    }
}
