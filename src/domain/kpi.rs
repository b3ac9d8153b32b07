//! Occupancy, ADR and RevPAR (docs/ARCHITECTURE.md, "Reservation rules"), with no I/O:
//! occupancy = room-nights sold ÷ room-nights available;
//! ADR = room revenue ÷ room-nights sold; RevPAR = room revenue ÷ room-nights available.

use chrono::NaiveDate;

use super::availability::nights;

/// Stays that sold room-nights on the same dates: how many, and their nightly rates
/// summed (the database groups them, so a busy hotel's month is a few hundred of these).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sold {
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub stays: i64,
    pub nightly_revenue: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kpis {
    pub available: i64,
    pub sold: i64,
    /// Room revenue in minor units.
    pub revenue: i64,
}

impl Kpis {
    /// For `rooms` sellable rooms over `[from, to)`, on the prices as sold.
    pub fn compute(rooms: i64, stays: &[Sold], from: NaiveDate, to: NaiveDate) -> Self {
        Self::compute_net(rooms, stays, from, to, |_| 0)
    }

    /// The same on net room revenue, as the Uniform System reports it: each night's
    /// revenue without the taxes included in the price, at `included(night)` (hundredths
    /// of a percent, the hotel's included room taxes that night). Added taxes were never
    /// in the price.
    pub fn compute_net(
        rooms: i64,
        stays: &[Sold],
        from: NaiveDate,
        to: NaiveDate,
        included: impl Fn(NaiveDate) -> i64,
    ) -> Self {
        let mut k = Kpis { available: rooms * (to - from).num_days().max(0), ..Kpis::default() };
        for s in stays {
            for night in nights(s.check_in.max(from), s.check_out.min(to)) {
                k.sold += s.stays;
                k.revenue += super::tax::net_of(s.nightly_revenue, included(night));
            }
        }
        k
    }

    pub fn add(&mut self, other: Kpis) {
        self.available += other.available;
        self.sold += other.sold;
        self.revenue += other.revenue;
    }

    /// Occupancy in basis points (1/100 of a percent), to stay in integers.
    pub fn occupancy_bp(&self) -> i64 {
        if self.available == 0 {
            0
        } else {
            self.sold * 10_000 / self.available
        }
    }

    /// Average daily rate, minor units.
    pub fn adr(&self) -> i64 {
        if self.sold == 0 {
            0
        } else {
            self.revenue / self.sold
        }
    }

    /// Revenue per available room, minor units.
    pub fn revpar(&self) -> i64 {
        if self.available == 0 {
            0
        } else {
            self.revenue / self.available
        }
    }

    pub fn occupancy_percent(&self) -> String {
        format!("{:.1}%", self.occupancy_bp() as f64 / 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A hand-computed case: 10 rooms over 3 nights = 30 room-nights available.
    /// Stay A: 2 nights in range at 100.00; stay B: 3 nights at 150.00, one of which
    /// falls before the range; stay C: 1 night at 80.00.
    /// sold = 2 + 2 + 1 = 5; revenue = 200 + 300 + 80 = 580.00;
    /// occupancy = 5/30 = 16.67%; ADR = 116.00; RevPAR = 19.33.
    #[test]
    fn hand_computed() {
        let one = |check_in, check_out, rate| Sold {
            check_in: d(check_in),
            check_out: d(check_out),
            stays: 1,
            nightly_revenue: rate,
        };
        let stays = [
            one("2026-06-01", "2026-06-03", 10_000),
            one("2026-05-31", "2026-06-03", 15_000),
            one("2026-06-03", "2026-06-05", 8_000),
        ];
        let k = Kpis::compute(10, &stays, d("2026-06-01"), d("2026-06-04"));
        assert_eq!(k, Kpis { available: 30, sold: 5, revenue: 58_000 });
        // The same three stays plus two more on A's dates at 120.00 and 90.00, grouped.
        let grouped = [Sold { stays: 3, nightly_revenue: 10_000 + 12_000 + 9_000, ..stays[0] }, stays[1], stays[2]];
        let k2 = Kpis::compute(10, &grouped, d("2026-06-01"), d("2026-06-04"));
        assert_eq!(k2, Kpis { available: 30, sold: 9, revenue: 58_000 + 2 * 21_000 });
        assert_eq!(k.occupancy_bp(), 1666);
        assert_eq!(k.adr(), 11_600);
        assert_eq!(k.revpar(), 1_933);
        assert_eq!(k.occupancy_percent(), "16.7%");
        assert_eq!(Kpis::compute(0, &[], d("2026-06-01"), d("2026-06-02")).revpar(), 0);
    }
}
