//! Step 9: repeated letters. "cervejaaaa" and "VODKAAA" stretch a word;
//! runs of three or more identical letters become one. Doubles stay, since
//! they are ordinary spelling ("carro", "beer").

use super::{is_letter, Unit, DELETED};

/// Letters whose runs are words of their own ("xxx", "kkkk" laughter, "www").
const KEEP: [char; 3] = ['x', 'k', 'w'];

/// Collapses letter runs in place; the kept letter's span covers the run.
pub(crate) fn collapse(units: &mut Vec<Unit>) {
    // Quick scan first: most texts have no run of three.
    let mut run = 1;
    let mut prev = '\0';
    let mut any = false;
    for u in units.iter() {
        run = if u.c == prev { run + 1 } else { 1 };
        prev = u.c;
        if run >= 3 && is_letter(u.c) {
            any = true;
            break;
        }
    }
    if !any {
        return;
    }
    let mut changed = false;
    let mut i = 0;
    while i < units.len() {
        let Some(first) = units.get(i).copied() else {
            break;
        };
        let mut j = i + 1;
        while units.get(j).is_some_and(|u| u.c == first.c) {
            j += 1;
        }
        if j - i >= 3 && is_letter(first.c) && !KEEP.contains(&first.c) {
            let end = units.get(j - 1).map_or(first.span.end, |u| u.span.end);
            if let Some(u) = units.get_mut(i) {
                u.span.end = end;
            }
            if let Some(rest) = units.get_mut(i + 1..j) {
                rest.iter_mut().for_each(|u| u.c = DELETED);
            }
            changed = true;
        }
        i = j;
    }
    if changed {
        units.retain(|u| u.c != DELETED);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_runs_and_keeps_doubles() {
        let s = "cervejaaaa beer carro 1000 !!! xxx kkkk";
        let mut units: Vec<Unit> = s
            .char_indices()
            .map(|(i, c)| Unit {
                c,
                span: crate::normalize::Pos::new(i, i + c.len_utf8()),
            })
            .collect();
        collapse(&mut units);
        let out: String = units.iter().map(|u| u.c).collect();
        assert_eq!(out, "cerveja beer carro 1000 !!! xxx kkkk");
        let a = units.iter().position(|u| u.c == 'a').unwrap();
        assert_eq!(units[a].span, crate::normalize::Pos::new(6, 10));
    }
}
