//! Values as rows hold them, decoded into what they mean. Rows decode by column name into
//! `#[derive(sqlx::FromRow)]` structs whose fields use these types; a value that does not decode
//! (a profile code no version knows, a flag that is neither 0 nor 1, a negative count) makes the
//! query fail with [`StoreError::Corrupt`], logged by [`super::fail`]: never a row dropped in
//! silence nor a value replaced by a default.

use app::ports::StoreError;
use sqlx::any::{AnyTypeInfo, AnyValueRef};
use sqlx::error::BoxDynError;
use sqlx::{Any, Decode, Type};
use std::str::FromStr;

/// A text code parsed into `T` (`Profile`, `SchoolKind`, `Lang`…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code<T>(pub T);

impl<T> Type<Any> for Code<T> {
    fn type_info() -> AnyTypeInfo {
        <String as Type<Any>>::type_info()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        <String as Type<Any>>::compatible(ty)
    }
}

impl<'r, T: FromStr> Decode<'r, Any> for Code<T> {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <String as Decode<Any>>::decode(value)?;
        match text.parse() {
            Ok(v) => Ok(Code(v)),
            Err(_) => Err(format!("{text:?} is not a {}", std::any::type_name::<T>()).into()),
        }
    }
}

/// A flag, stored as 0 or 1 in both dialects (sqlx's `Any` driver cannot decode SQLite
/// booleans); write it with [`flag`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl Type<Any> for Flag {
    fn type_info() -> AnyTypeInfo {
        <i64 as Type<Any>>::type_info()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        <i64 as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for Flag {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        match <i64 as Decode<Any>>::decode(value)? {
            0 => Ok(Flag(false)),
            1 => Ok(Flag(true)),
            other => Err(format!("{other} is not a flag (0 or 1)").into()),
        }
    }
}

pub(crate) fn flag(value: bool) -> i64 {
    i64::from(value)
}

/// A count of things (people in a group, codes left), never negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count(pub u32);

impl Type<Any> for Count {
    fn type_info() -> AnyTypeInfo {
        <i64 as Type<Any>>::type_info()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        <i64 as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for Count {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        let n = <i64 as Decode<Any>>::decode(value)?;
        u32::try_from(n)
            .map(Count)
            .map_err(|_| format!("{n} is not a count").into())
    }
}

/// A size in bytes, never negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size(pub u64);

impl Type<Any> for Size {
    fn type_info() -> AnyTypeInfo {
        <i64 as Type<Any>>::type_info()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        <i64 as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for Size {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        let n = <i64 as Decode<Any>>::decode(value)?;
        u64::try_from(n)
            .map(Size)
            .map_err(|_| format!("{n} is not a size").into())
    }
}

/// A value read outside a `FromRow` struct (a `UNION` whose column means one thing or another
/// by row) that does not decode: logged, and the query fails.
pub(crate) fn corrupt(what: &'static str, value: &str) -> StoreError {
    tracing::error!(what, value, "a stored value cannot be read");
    StoreError::Corrupt(format!("{what}: {value:?}"))
}

/// Parses a code read outside a `FromRow` struct.
pub(crate) fn parse<T: FromStr>(what: &'static str, value: &str) -> Result<T, StoreError> {
    value.parse().map_err(|_| corrupt(what, value))
}

/// A JSON document stored as text (an exercise as written, a pupil's answers), read into `T`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonText<T>(pub T);

impl<T> Type<Any> for JsonText<T> {
    fn type_info() -> AnyTypeInfo {
        <String as Type<Any>>::type_info()
    }
    fn compatible(ty: &AnyTypeInfo) -> bool {
        <String as Type<Any>>::compatible(ty)
    }
}

impl<'r, T: serde::de::DeserializeOwned> Decode<'r, Any> for JsonText<T> {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <String as Decode<Any>>::decode(value)?;
        serde_json::from_str(&text)
            .map(JsonText)
            .map_err(|e| format!("not a {}: {e}", std::any::type_name::<T>()).into())
    }
}

/// The text [`JsonText`] reads back.
pub(crate) fn json_text<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Unavailable(e.to_string()))
}
