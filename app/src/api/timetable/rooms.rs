//! A school's rooms: listed, and created with a name no other room of the school has, case and
//! accents aside.

use super::{Room, TimetableError};
use domain::ids::{RoomId, SchoolId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "timetable/rooms", input = Json)]
pub async fn rooms(school: SchoolId) -> Result<Vec<Room>, TimetableError> {
    let me = super::lessons::server::manager("timetable/rooms", school).await?;
    Ok(me.ctx.store.rooms(school).await?)
}

#[server(endpoint = "timetable/create_room", input = Json)]
pub async fn create_room(school: SchoolId, name: String) -> Result<RoomId, TimetableError> {
    use super::TimetableProblem;
    let me = super::lessons::server::manager("timetable/create_room", school).await?;
    let name = domain::school::Label::try_from(name).map_err(|_| TimetableProblem::RoomName)?;
    let key = domain::sequence::search_key(name.as_str());
    if key.is_empty() {
        return Err(TimetableProblem::RoomName.into());
    }
    match me.ctx.store.create_room(school, &name, &key).await {
        Err(crate::ports::StoreError::Conflict) => Err(TimetableProblem::RoomTaken.into()),
        other => Ok(other?),
    }
}
