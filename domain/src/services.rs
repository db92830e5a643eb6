//! The services a person is offered on their home page. Only services that exist are listed,
//! so the home page never shows a dead link.

use crate::authz::Caller;
use crate::profile::Profile;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Service {
    /// Accounts, classes and groups of the schools one administers.
    SchoolAdministration,
    /// Establishments, the usage charter, the platform's audit trail.
    PlatformAdministration,
    /// One's own account: password, language.
    MyAccount,
    /// The usage charter one accepted.
    Charter,
    /// Interactive exercises: a pupil's to do, a parent's view of their children's, a
    /// teacher's own.
    Exercises,
    /// Pedagogical sequences: the same people as exercises, which they give.
    Sequences,
    /// The week's lessons: a pupil's, a parent's children's, a teacher's; staff see any of their
    /// school's.
    Timetable,
}

pub fn services_for(caller: &Caller) -> Vec<Service> {
    let mut services = Vec::new();
    if caller.platform_admin {
        services.push(Service::PlatformAdministration);
    }
    if caller.platform_admin || caller.administered_schools().next().is_some() {
        services.push(Service::SchoolAdministration);
    }
    let does_exercises = caller.roles.iter().any(|role| {
        matches!(
            role.profile,
            Profile::Pupil | Profile::Teacher | Profile::Parent
        )
    });
    let has_timetable = caller
        .roles
        .iter()
        .any(|role| role.profile != Profile::Guest);
    if has_timetable {
        services.push(Service::Timetable);
    }
    if does_exercises {
        services.extend([Service::Sequences, Service::Exercises]);
    }
    services.extend([Service::MyAccount, Service::Charter]);
    services
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{AccountId, SchoolId};
    use crate::profile::Role;

    #[test]
    fn administration_only_for_admins() {
        let mut c = Caller {
            account: AccountId::new(1),
            platform_admin: false,
            roles: vec![Role {
                school: SchoolId::new(1),
                profile: Profile::Teacher,
            }],
            children: vec![],
            teaches: vec![],
            groups: vec![],
        };
        assert_eq!(
            services_for(&c),
            vec![
                Service::Timetable,
                Service::Sequences,
                Service::Exercises,
                Service::MyAccount,
                Service::Charter
            ]
        );
        c.roles.push(Role {
            school: SchoolId::new(1),
            profile: Profile::SchoolAdmin,
        });
        assert_eq!(services_for(&c)[0], Service::SchoolAdministration);
        c.platform_admin = true;
        assert_eq!(services_for(&c)[0], Service::PlatformAdministration);
    }

    #[test]
    fn exercises_for_pupils_parents_and_teachers_only() {
        let caller = |profile| Caller {
            account: AccountId::new(1),
            platform_admin: false,
            roles: vec![Role {
                school: SchoolId::new(1),
                profile,
            }],
            children: vec![],
            teaches: vec![],
            groups: vec![],
        };
        for profile in Profile::ALL {
            let offered = services_for(&caller(profile)).contains(&Service::Exercises);
            let expected = matches!(profile, Profile::Pupil | Profile::Teacher | Profile::Parent);
            assert_eq!(offered, expected, "{profile:?}");
            // Everyone has a week to look at but a guest, who sees nothing personal.
            let timetable = services_for(&caller(profile)).contains(&Service::Timetable);
            assert_eq!(timetable, profile != Profile::Guest, "{profile:?}");
        }
    }
}
