//! The services a person is offered on their home page. Only services that exist are listed,
//! so the home page never shows a dead link.

use crate::authz::Caller;
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
}

pub fn services_for(caller: &Caller) -> Vec<Service> {
    let mut services = Vec::new();
    if caller.platform_admin {
        services.push(Service::PlatformAdministration);
    }
    if caller.platform_admin || caller.administered_schools().next().is_some() {
        services.push(Service::SchoolAdministration);
    }
    services.extend([Service::MyAccount, Service::Charter]);
    services
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{AccountId, SchoolId};
    use crate::profile::{Profile, Role};

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
        assert_eq!(services_for(&c), vec![Service::MyAccount, Service::Charter]);
        c.roles.push(Role {
            school: SchoolId::new(1),
            profile: Profile::SchoolAdmin,
        });
        assert_eq!(services_for(&c)[0], Service::SchoolAdministration);
        c.platform_admin = true;
        assert_eq!(services_for(&c)[0], Service::PlatformAdministration);
    }
}
