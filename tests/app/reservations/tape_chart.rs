//! The tape chart counts what is left to sell with the same availability check as the
//! booking search: unassigned stays and out-of-order rooms included.

use hotelier::domain::HousekeepingStatus;

use super::*;
use crate::both_backends_async;
use crate::support::Backend;
use crate::web::world;

both_backends_async!(tape_chart_left_to_sell_matches_the_search);

/// The numbers of the tape chart's "Left to sell" row.
fn left_to_sell(page: &Page) -> Vec<i64> {
    let at = page.body.find("Left to sell").unwrap_or_else(|| panic!("no Left to sell row: {}", page.short()));
    let row = &page.body[at..at + page.body[at..].find("</tr>").expect("row end")];
    row.split("<td")
        .skip(1)
        .map(|cell| cell[cell.find('>').unwrap() + 1..cell.find("</td>").unwrap()].parse().unwrap())
        .collect()
}

async fn tape_chart_left_to_sell_matches_the_search(backend: Backend) {
    let w = world(backend).await;
    let staff = desk(&w, &w.team_a.staff).await;
    // Three rooms: the fixture's stay holds 101 tonight and tomorrow, 103 is out of order,
    // and a stay with no room yet takes one more on nights 1 and 2.
    set_housekeeping(w.db(), &w.a, w.a.rooms[2], HousekeepingStatus::OutOfOrder);
    add(w.db(), &w.a, stay(&w.a, "NOROOM01", day(1), 2));

    let chart = staff.get(&format!("/calendar?hotel={}&start={}&days=14", w.a.hotel, day(0))).await;
    assert_eq!(chart.status, 200, "{}", chart.short());
    let left = left_to_sell(&chart);
    assert_eq!(left.len(), 14);
    assert_eq!(&left[..4], &[1, 0, 1, 2], "{left:?}");
    assert!(left[4..].iter().all(|n| *n == 2), "{left:?}");

    let search = staff.get(&search_url(&w.a, day(0), day(4), 1)).await;
    assert_eq!(grid(&search, "Standard").0, left[..4].to_vec(), "the search and the tape chart disagree");

    // The other organization's chart knows nothing of these stays.
    let other = desk(&w, &w.team_b.staff).await;
    let theirs = other.get(&format!("/calendar?hotel={}&start={}&days=14", w.b.hotel, day(0))).await;
    assert_eq!(&left_to_sell(&theirs)[..3], &[2, 2, 3]);
}
