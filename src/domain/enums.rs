//! The enum-like columns. Each is `TEXT` in both databases, with a CHECK constraint that
//! lists the same values as here.

use diesel::deserialize::{self, FromSql};
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Text;

use crate::db::types::MultiBackend;

#[derive(Debug, thiserror::Error)]
#[error("unknown {kind} `{value}`")]
pub struct UnknownVariant {
    pub kind: &'static str,
    pub value: String,
}

macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident $prefix:literal { $($variant:ident => $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(sql_type = Text)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            fn as_static_ref(self) -> &'static &'static str {
                match self { $($name::$variant => &$text),* }
            }
        }

        impl crate::domain::message::Labelled for $name {
            /// The catalogue key of its label: `reservation-status-checked_in`.
            fn label_key(&self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, "-", $text)),* }
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownVariant;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)*
                    _ => Err(UnknownVariant { kind: stringify!($name), value: s.chars().take(40).collect() }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        impl ToSql<Text, MultiBackend> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                out.set_value((Text, self.as_static_ref()));
                Ok(IsNull::No)
            }
        }

        impl ToSql<Text, diesel::pg::Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, diesel::pg::Pg>) -> serialize::Result {
                <str as ToSql<Text, diesel::pg::Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl ToSql<Text, diesel::sqlite::Sqlite> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, diesel::sqlite::Sqlite>) -> serialize::Result {
                out.set_value(self.as_str());
                Ok(IsNull::No)
            }
        }

        impl FromSql<Text, MultiBackend> for $name {
            fn from_sql(bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                let text = <String as FromSql<Text, MultiBackend>>::from_sql(bytes)?;
                Ok(text.parse()?)
            }
        }
    };
}

text_enum!(
    /// What sort of organization a tenant is.
    TenantKind "tenant-kind" {
        Chain => "chain",
        Independent => "independent",
        Franchise => "franchise",
        ManagementCompany => "management_company",
        VacationRental => "vacation_rental",
    }
);

text_enum!(
    TenantStatus "tenant-status" {
        Trial => "trial",
        Active => "active",
        Suspended => "suspended",
        Inactive => "inactive",
        Cancelled => "cancelled",
    }
);

text_enum!(
    Plan "plan" {
        Starter => "starter",
        Professional => "professional",
        Enterprise => "enterprise",
    }
);

text_enum!(
    /// A member's role inside one organization (docs/ARCHITECTURE.md, "Roles"), most powerful first.
    Role "role" {
        Owner => "owner",
        Admin => "admin",
        Manager => "manager",
        Staff => "staff",
        Viewer => "viewer",
    }
);

text_enum!(
    HousekeepingStatus "housekeeping" {
        Clean => "clean",
        Dirty => "dirty",
        Inspected => "inspected",
        OutOfOrder => "out_of_order",
        OutOfService => "out_of_service",
    }
);

text_enum!(
    ReservationStatus "reservation-status" {
        Pending => "pending",
        Confirmed => "confirmed",
        CheckedIn => "checked_in",
        CheckedOut => "checked_out",
        Cancelled => "cancelled",
        NoShow => "no_show",
    }
);

text_enum!(
    ReservationSource "source" {
        Direct => "direct",
        Phone => "phone",
        WalkIn => "walk_in",
        Website => "website",
        Ota => "ota",
        Corporate => "corporate",
        Agent => "agent",
    }
);

text_enum!(
    /// A folio line. Amounts are stored non-negative; the kind gives the sign.
    FolioKind "folio-kind" {
        RoomCharge => "room_charge",
        Charge => "charge",
        Payment => "payment",
        Refund => "refund",
        Discount => "discount",
    }
);

text_enum!(
    /// What a message to a guest is about (`domain::messages`). `one_off` is one the desk
    /// wrote; the others come from a template.
    MessageEvent "message-event" {
        BookingConfirmed => "booking_confirmed",
        BookingChanged => "booking_changed",
        Cancelled => "cancelled",
        PreArrival => "pre_arrival",
        PostStay => "post_stay",
        InvoiceIssued => "invoice_issued",
        OneOff => "one_off",
    }
);

text_enum!(
    /// Where a message of the outbox is: waiting (queued, perhaps until later), claimed by
    /// a worker (sending), accepted by the SMTP server (sent), given up on (failed), or
    /// no longer wanted (cancelled: a reminder of a stay that changed).
    OutboxStatus "outbox-status" {
        Queued => "queued",
        Sending => "sending",
        Sent => "sent",
        Failed => "failed",
        Cancelled => "cancelled",
    }
);

text_enum!(
    /// Why a room is off sale for a range of nights (a room block).
    BlockKind "block-kind" {
        OutOfOrder => "out_of_order",
        OutOfService => "out_of_service",
    }
);

text_enum!(
    /// How a derived rate plan follows its parent's price.
    Adjustment "rate-adjust" {
        Percent => "percent",
        Amount => "amount",
    }
);

text_enum!(
    /// How a policy's deposit, cancellation penalty or no-show fee is worked out from the
    /// stay (see `domain::rates::Charge`).
    ChargeBasis "charge-basis" {
        Nothing => "none",
        Percent => "percent",
        FirstNight => "first_night",
        Amount => "amount",
    }
);

text_enum!(
    /// A tax rule's kind: a percentage of the charge, or a fixed amount per person and night.
    TaxKind "tax-kind" {
        Percent => "percent",
        PerPersonNight => "per_person_night",
    }
);

text_enum!(
    /// What a percentage tax applies to.
    TaxBase "tax-base" {
        Rooms => "rooms",
        Extras => "extras",
        Both => "both",
    }
);

text_enum!(
    /// An invoice, or a credit note that cancels lines of one.
    InvoiceKind "invoice-kind" {
        Invoice => "invoice",
        CreditNote => "credit_note",
    }
);

text_enum!(
    PaymentMethod "payment-method" {
        Cash => "cash",
        Card => "card",
        BankTransfer => "bank_transfer",
        Voucher => "voucher",
        CityLedger => "city_ledger",
        Other => "other",
    }
);

text_enum!(
    DocumentType "document-type" {
        Passport => "passport",
        NationalId => "national_id",
        DrivingLicence => "driving_licence",
        Other => "other",
    }
);

impl ReservationStatus {
    /// Pending, confirmed and checked-in stays hold inventory and rooms.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Pending | Self::Confirmed | Self::CheckedIn)
    }
    pub const ACTIVE: [ReservationStatus; 3] = [Self::Pending, Self::Confirmed, Self::CheckedIn];
}

impl HousekeepingStatus {
    /// The statuses that take a room off sale: the one statement of the sellable rule
    /// (sellable = active and not out of order or out of service; docs/ARCHITECTURE.md,
    /// "Reservation rules"). `is_sellable` reads it here, `Rooms::sellable_by_type` in SQL.
    pub const UNSELLABLE: [HousekeepingStatus; 2] = [Self::OutOfOrder, Self::OutOfService];

    /// The states of cleaning, which the board sets in one click. Out of order and out of
    /// service are set for a range of nights, as room blocks; a room may still carry one
    /// of them from before, indefinitely, until it is set clean or dirty.
    pub const CLEANING: [HousekeepingStatus; 3] = [Self::Clean, Self::Dirty, Self::Inspected];

    /// A room in this status can be sold at all (if it is active: see `Room::is_sellable`).
    pub fn is_sellable(self) -> bool {
        !Self::UNSELLABLE.contains(&self)
    }
    /// A guest may be checked into it.
    pub fn is_ready(self) -> bool {
        matches!(self, Self::Clean | Self::Inspected)
    }
}

// `text_enum!` makes the enum, so it cannot mark a `#[default]` variant.
#[allow(clippy::derivable_impls)]
impl Default for ChargeBasis {
    fn default() -> Self {
        ChargeBasis::Nothing
    }
}

impl FolioKind {
    /// Payments, refunds and discounts move money: posting or voiding one needs
    /// `PaymentsCreate`.
    pub fn moves_money(self) -> bool {
        matches!(self, Self::Payment | Self::Refund | Self::Discount)
    }

    /// The entry's effect on what the guest owes, in minor units.
    pub fn signed(self, amount: i64) -> i64 {
        match self {
            Self::RoomCharge | Self::Charge | Self::Refund => amount,
            Self::Payment | Self::Discount => -amount,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>().unwrap(), *role);
        }
        assert!("root".parse::<Role>().is_err());
        assert_eq!(FolioKind::Payment.signed(500), -500);
        assert_eq!(FolioKind::Refund.signed(500), 500);
    }

    /// The list the SQL filter and `is_sellable` share is the rule of docs/ARCHITECTURE.md
    /// ("Reservation rules"): only out of order and out of service take a room off sale.
    #[test]
    fn only_out_of_order_and_out_of_service_are_unsellable() {
        for status in HousekeepingStatus::ALL {
            let off_sale = matches!(status, HousekeepingStatus::OutOfOrder | HousekeepingStatus::OutOfService);
            assert_eq!(status.is_sellable(), !off_sale, "{status:?}");
        }
    }
}
