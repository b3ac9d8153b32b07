//! The role matrix (docs/ARCHITECTURE.md, "Roles"), in one place. Routes declare the capability they need
//! (see `web::routes`); the tenant context checks it against the member's role and
//! extra grants before any handler code runs.

use super::enums::Role;

/// Something a member may do inside an organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Capability {
    /// See the dashboard, hotels, rooms and room types.
    View,
    /// Edit existing hotels, room types and rooms.
    PropertyEdit,
    /// Create and delete hotels, room types and rooms.
    PropertyManage,
    /// Change a room's housekeeping status (the board at the desk).
    Housekeeping,
    /// Create and edit guests.
    GuestsEdit,
    /// Delete guests.
    GuestsDelete,
    /// See the organization's settings and members.
    SettingsView,
    /// Change the organization's settings.
    SettingsEdit,
    /// Add, change and remove members (but not owners).
    UsersManage,
    /// Grant or take away the owner role.
    OwnersManage,
    /// Read the audit log.
    AuditView,
    /// Book, edit, check in and check out (the front desk's daily work).
    ReservationsEdit,
    /// Take a stay back a step (checked in → confirmed, checked out → checked in).
    ReservationsReverse,
    /// Book a stay whose arrival is already past.
    Backdate,
    /// Check a guest out with an open balance.
    CheckoutOverride,
    /// Waive a rate plan's cancellation penalty, with a reason.
    PenaltyWaive,
    /// Take payments, refunds and discounts.
    PaymentsCreate,
    /// Void a posted folio entry (one that moves money also needs `PaymentsCreate`).
    FolioVoid,
    /// Run the night audit.
    NightAudit,
    /// Use the front-desk kiosk.
    Kiosk,
    /// Read the reports (every role; the plan may not include them).
    Reports,
    /// Download all of the organization's data (owners; enterprise plan).
    DataExport,
}

impl Capability {
    pub const ALL: &'static [Capability] = &[
        Self::View,
        Self::PropertyEdit,
        Self::PropertyManage,
        Self::Housekeeping,
        Self::GuestsEdit,
        Self::GuestsDelete,
        Self::SettingsView,
        Self::SettingsEdit,
        Self::UsersManage,
        Self::OwnersManage,
        Self::AuditView,
        Self::ReservationsEdit,
        Self::ReservationsReverse,
        Self::Backdate,
        Self::CheckoutOverride,
        Self::PenaltyWaive,
        Self::PaymentsCreate,
        Self::FolioVoid,
        Self::NightAudit,
        Self::Kiosk,
        Self::Reports,
        Self::DataExport,
    ];

    /// The name an association's `permissions` list uses to grant it.
    pub fn key(self) -> &'static str {
        match self {
            Self::View => "view",
            Self::PropertyEdit => "property:edit",
            Self::PropertyManage => "property:manage",
            Self::Housekeeping => "housekeeping:update",
            Self::GuestsEdit => "guests:edit",
            Self::GuestsDelete => "guests:delete",
            Self::SettingsView => "settings:view",
            Self::SettingsEdit => "settings:edit",
            Self::UsersManage => "users:manage",
            Self::OwnersManage => "owners:manage",
            Self::AuditView => "audit:view",
            Self::ReservationsEdit => "reservations:edit",
            Self::ReservationsReverse => "reservations:reverse",
            Self::Backdate => "reservations:backdate",
            Self::CheckoutOverride => "checkout:override",
            Self::PenaltyWaive => "penalties:waive",
            Self::PaymentsCreate => "payments:create",
            Self::FolioVoid => "folio:void",
            Self::NightAudit => "night_audit:run",
            Self::Kiosk => "kiosk:use",
            Self::Reports => "reports:view",
            Self::DataExport => "data:export",
        }
    }

    /// What an owner or admin may grant a member beyond their role, one by one: the front
    /// desk's extra rights. Never settings, users, owners or exports.
    pub const GRANTABLE: &'static [Capability] = &[
        Self::PaymentsCreate,
        Self::FolioVoid,
        Self::CheckoutOverride,
        Self::PenaltyWaive,
        Self::ReservationsReverse,
        Self::Backdate,
        Self::GuestsDelete,
        Self::NightAudit,
    ];

    /// The capability a `permissions` entry grants.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }

    /// The least powerful role that has this capability by default.
    pub fn minimum_role(self) -> Role {
        match self {
            Self::View | Self::Reports => Role::Viewer,
            Self::Housekeeping | Self::GuestsEdit | Self::ReservationsEdit | Self::Kiosk => Role::Staff,
            Self::PropertyEdit
            | Self::GuestsDelete
            | Self::SettingsView
            | Self::ReservationsReverse
            | Self::Backdate
            | Self::CheckoutOverride
            | Self::PenaltyWaive
            | Self::FolioVoid
            | Self::NightAudit => Role::Manager,
            Self::PropertyManage | Self::SettingsEdit | Self::UsersManage | Self::AuditView | Self::PaymentsCreate => {
                Role::Admin
            }
            Self::OwnersManage | Self::DataExport => Role::Owner,
        }
    }
}

impl Role {
    /// 0 for owner up to 4 for viewer.
    fn rank(self) -> u8 {
        match self {
            Role::Owner => 0,
            Role::Admin => 1,
            Role::Manager => 2,
            Role::Staff => 3,
            Role::Viewer => 4,
        }
    }

    /// True when this role is at least as powerful as `other`.
    pub fn at_least(self, other: Role) -> bool {
        self.rank() <= other.rank()
    }

    pub fn allows(self, cap: Capability) -> bool {
        self.at_least(cap.minimum_role())
    }
}

impl Capability {
    /// The plan feature this capability depends on, if any.
    pub fn feature(self) -> Option<super::plans::Feature> {
        match self {
            Self::Kiosk => Some(super::plans::Feature::Kiosk),
            Self::Reports => Some(super::plans::Feature::Reports),
            Self::DataExport => Some(super::plans::Feature::Export),
            _ => None,
        }
    }
}

/// A member's effective rights: their role plus any extra grants.
#[derive(Clone, Debug)]
pub struct Grants {
    pub role: Role,
    pub extra: Vec<String>,
}

impl Grants {
    pub fn allows(&self, cap: Capability) -> bool {
        self.role.allows(cap) || self.extra.iter().any(|g| g == cap.key())
    }

    /// The extra grants that add to the role, as capabilities (unknown keys left out).
    pub fn extras(&self) -> Vec<Capability> {
        self.extra.iter().filter_map(|k| Capability::from_key(k)).filter(|c| !self.role.allows(*c)).collect()
    }
}

impl crate::domain::message::Labelled for Capability {
    fn label_key(&self) -> &'static str {
        match self {
            Self::View => "capability-view",
            Self::PropertyEdit => "capability-property-edit",
            Self::PropertyManage => "capability-property-manage",
            Self::Housekeeping => "capability-housekeeping",
            Self::GuestsEdit => "capability-guests-edit",
            Self::GuestsDelete => "capability-guests-delete",
            Self::SettingsView => "capability-settings-view",
            Self::SettingsEdit => "capability-settings-edit",
            Self::UsersManage => "capability-users-manage",
            Self::OwnersManage => "capability-owners-manage",
            Self::AuditView => "capability-audit-view",
            Self::ReservationsEdit => "capability-reservations-edit",
            Self::ReservationsReverse => "capability-reservations-reverse",
            Self::Backdate => "capability-backdate",
            Self::CheckoutOverride => "capability-checkout-override",
            Self::PenaltyWaive => "capability-penalty-waive",
            Self::PaymentsCreate => "capability-payments-create",
            Self::FolioVoid => "capability-folio-void",
            Self::NightAudit => "capability-night-audit",
            Self::Kiosk => "capability-kiosk",
            Self::Reports => "capability-reports",
            Self::DataExport => "capability-data-export",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_follows_design() {
        use Capability::*;
        assert!(Role::Viewer.allows(View) && !Role::Viewer.allows(GuestsEdit));
        assert!(
            Role::Staff.allows(Housekeeping) && Role::Staff.allows(GuestsEdit) && !Role::Staff.allows(PropertyEdit)
        );
        assert!(Role::Manager.allows(PropertyEdit) && !Role::Manager.allows(PropertyManage));
        assert!(Role::Manager.allows(SettingsView) && !Role::Manager.allows(SettingsEdit));
        assert!(Role::Admin.allows(UsersManage) && !Role::Admin.allows(OwnersManage));
        assert!(Role::Owner.allows(OwnersManage));
        assert!(
            Role::Staff.allows(ReservationsEdit)
                && !Role::Staff.allows(PaymentsCreate)
                && !Role::Staff.allows(ReservationsReverse)
        );
        assert!(Role::Manager.allows(CheckoutOverride) && !Role::Manager.allows(PaymentsCreate));
        let desk = Grants { role: Role::Staff, extra: vec!["payments:create".into()] };
        assert!(desk.allows(PaymentsCreate));
        let staff_plus = Grants { role: Role::Staff, extra: vec!["guests:delete".into()] };
        assert!(staff_plus.allows(GuestsDelete) && !staff_plus.allows(PropertyEdit));
    }

    #[test]
    fn grants_name_what_they_add_and_only_desk_rights_are_grantable() {
        let desk = Grants { role: Role::Staff, extra: vec!["payments:create".into(), "nonsense".into()] };
        assert_eq!(desk.extras(), vec![Capability::PaymentsCreate]);
        let admin = Grants { role: Role::Admin, extra: vec!["payments:create".into()] };
        assert!(admin.extras().is_empty(), "an admin takes payments anyway");
        for cap in Capability::ALL {
            assert_eq!(Capability::from_key(cap.key()), Some(*cap));
        }
        for dangerous in
            [Capability::UsersManage, Capability::OwnersManage, Capability::SettingsEdit, Capability::DataExport]
        {
            assert!(!Capability::GRANTABLE.contains(&dangerous), "{dangerous:?} must come with a role");
        }
    }
}
