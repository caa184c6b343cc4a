//! Check-digit arithmetic for the numbers the PII rules recognise.
//!
//! Every function takes the bare characters (no dots, spaces or dashes) as
//! ASCII bytes and returns `false` on any other length or alphabet, so callers
//! never need to pre-validate. Numbers made of one repeated digit pass several
//! of these checks arithmetically but are never issued, so they are rejected.

/// All bytes are ASCII digits.
fn all_digits(d: &[u8]) -> bool {
    d.iter().all(u8::is_ascii_digit)
}

/// Every byte equals the first (e.g. `00000000000`).
fn repeated(d: &[u8]) -> bool {
    d.first().is_some_and(|f| d.iter().all(|b| b == f))
}

/// Numeric value of an ASCII digit (callers check the alphabet first).
fn val(b: u8) -> u32 {
    u32::from(b.wrapping_sub(b'0'))
}

/// Brazilian CPF: 11 digits, two mod-11 check digits.
pub(crate) fn cpf(d: &[u8]) -> bool {
    if d.len() != 11 || !all_digits(d) || repeated(d) {
        return false;
    }
    let check = |n: usize| -> u32 {
        let sum: u32 = d
            .iter()
            .take(n)
            .zip((2..=n as u32 + 1).rev())
            .map(|(&b, w)| val(b) * w)
            .sum();
        (sum * 10) % 11 % 10
    };
    d.get(9).map(|&b| val(b)) == Some(check(9)) && d.get(10).map(|&b| val(b)) == Some(check(10))
}

/// Brazilian CNPJ, classic (14 digits) or alphanumeric (12 characters in
/// `0-9A-Z` + 2 digits, from July 2026). Both use mod 11 over `ascii - 48`,
/// which for digits is the digit itself, so one routine covers both.
pub(crate) fn cnpj(d: &[u8]) -> bool {
    let [body @ .., c1, c2] = d else { return false };
    if d.len() != 14
        || !body
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        || !c1.is_ascii_digit()
        || !c2.is_ascii_digit()
        || repeated(d)
    {
        return false;
    }
    let dv = |chars: &[u8]| -> u32 {
        // Weights run 2..=9 from the right, cycling.
        let sum: u32 = chars
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &b)| val(b) * (2 + (i as u32 % 8)))
            .sum();
        let r = sum % 11;
        if r < 2 {
            0
        } else {
            11 - r
        }
    };
    let first = dv(body);
    if first != val(*c1) {
        return false;
    }
    let with_first = d.get(..13).unwrap_or(&[]);
    dv(with_first) == val(*c2)
}

/// Luhn (mod 10) over all digits, as used by payment cards.
pub(crate) fn luhn(d: &[u8]) -> bool {
    if d.is_empty() || !all_digits(d) || repeated(d) {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| {
            let v = val(b);
            if i % 2 == 1 {
                let x = v * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                v
            }
        })
        .sum();
    sum % 10 == 0
}

/// IBAN length per country for the countries our users deal with most;
/// other countries only get the generic 15–34 bound.
pub(crate) fn iban_len(country: &[u8]) -> Option<usize> {
    Some(match country {
        b"ES" => 24,
        b"PT" => 25,
        b"BR" => 29,
        b"DE" => 22,
        b"FR" => 27,
        b"IT" => 27,
        b"GB" => 22,
        b"NL" => 18,
        b"BE" => 16,
        b"IE" => 22,
        b"CH" => 21,
        b"AD" => 24,
        b"LU" => 20,
        b"AT" => 20,
        b"PL" => 28,
        _ => return None,
    })
}

/// IBAN: country letters, 2 check digits, BBAN; valid when the rearranged
/// number is 1 mod 97. Expects uppercase.
pub(crate) fn iban(d: &[u8]) -> bool {
    if !(15..=34).contains(&d.len()) {
        return false;
    }
    let (head, bban) = d.split_at(4);
    let [a, b, c1, c2] = head else { return false };
    if !a.is_ascii_uppercase()
        || !b.is_ascii_uppercase()
        || !c1.is_ascii_digit()
        || !c2.is_ascii_digit()
        || !bban
            .iter()
            .all(|x| x.is_ascii_digit() || x.is_ascii_uppercase())
    {
        return false;
    }
    if iban_len(&[*a, *b]).is_some_and(|n| n != d.len()) {
        return false;
    }
    let mut r: u32 = 0;
    for &x in bban.iter().chain(head.iter()) {
        if x.is_ascii_digit() {
            r = (r * 10 + val(x)) % 97;
        } else {
            r = (r * 100 + u32::from(x - b'A') + 10) % 97;
        }
    }
    r == 1
}

/// Weighted mod-10 check digit: `(10 - Σ(d·w) mod 10) mod 10`.
fn mod10_check(d: &[u8], weights: &[u32]) -> u32 {
    let sum: u32 = d.iter().zip(weights).map(|(&b, w)| val(b) * w).sum();
    (10 - sum % 10) % 10
}

/// Argentine CBU: 22 digits in two blocks (8 + 14), each ending in a check digit.
pub(crate) fn cbu(d: &[u8]) -> bool {
    if d.len() != 22 || !all_digits(d) || repeated(d) {
        return false;
    }
    let (b1, b2) = d.split_at(8);
    let (Some(&k1), Some(&k2)) = (b1.last(), b2.last()) else {
        return false;
    };
    mod10_check(b1, &[7, 1, 3, 9, 7, 1, 3]) == val(k1)
        && mod10_check(b2, &[3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3]) == val(k2)
}

/// Mexican CLABE: 18 digits; weights 3, 7, 1 (each product taken mod 10).
pub(crate) fn clabe(d: &[u8]) -> bool {
    if d.len() != 18 || !all_digits(d) || repeated(d) {
        return false;
    }
    let sum: u32 = d
        .iter()
        .take(17)
        .zip([3u32, 7, 1].iter().cycle())
        .map(|(&b, w)| val(b) * w % 10)
        .sum();
    d.last().map(|&b| val(b)) == Some((10 - sum % 10) % 10)
}

const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Spanish DNI (`12345678Z`) or NIE (`X1234567L`, X/Y/Z → 0/1/2), uppercase:
/// the control letter is the number mod 23 looked up in a fixed table.
pub(crate) fn dni_nie(d: &[u8]) -> bool {
    let [first, mid @ .., letter] = d else {
        return false;
    };
    if d.len() != 9 || !mid.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let lead = match first {
        b'X' => 0,
        b'Y' => 1,
        b'Z' => 2,
        b'0'..=b'9' => val(*first),
        _ => return false,
    };
    if first.is_ascii_digit() && d.get(..8).is_some_and(repeated) {
        return false;
    }
    let n = mid.iter().fold(lead, |n, &b| n * 10 + val(b));
    DNI_LETTERS.get((n % 23) as usize) == Some(letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Valid numbers below were computed by hand from each algorithm, then the
    // last character altered for the invalid twin.

    #[test]
    fn cpf_check_digits() {
        assert!(cpf(b"52998224725"));
        assert!(cpf(b"11144477735"));
        assert!(!cpf(b"52998224724"));
        assert!(!cpf(b"1114447773"));
        for d in b'0'..=b'9' {
            assert!(!cpf(&[d; 11]), "repeated {}", d as char);
        }
    }

    #[test]
    fn cnpj_classic_and_alphanumeric() {
        assert!(cnpj(b"11222333000181"));
        assert!(!cnpj(b"11222333000182"));
        assert!(cnpj(b"12ABC34501DE35"));
        assert!(!cnpj(b"12ABC34501DE36"));
        assert!(!cnpj(b"00000000000000"));
        assert!(!cnpj(b"12abc34501DE35"));
    }

    #[test]
    fn luhn_cards() {
        assert!(luhn(b"4111111111111111"));
        assert!(luhn(b"5555555555554444"));
        assert!(luhn(b"378282246310005"));
        assert!(!luhn(b"4111111111111112"));
        assert!(!luhn(b"0000000000000000"));
        assert!(!luhn(b""));
    }

    #[test]
    fn iban_mod97() {
        assert!(iban(b"ES9121000418450200051332"));
        assert!(iban(b"GB29NWBK60161331926819"));
        assert!(iban(b"DE89370400440532013000"));
        assert!(!iban(b"ES9121000418450200051333"));
        // Right checksum arithmetic is not enough with the wrong country length.
        assert!(!iban(b"ES912100041845020005133"));
        assert!(!iban(b"ES0000000000000000000000"));
    }

    #[test]
    fn cbu_two_blocks() {
        assert!(cbu(b"2850590940090418135201"));
        assert!(!cbu(b"2850590940090418135202"));
        assert!(!cbu(b"2850590840090418135201"));
        assert!(!cbu(&[b'0'; 22]));
    }

    #[test]
    fn clabe_weights() {
        assert!(clabe(b"002010077777777771"));
        assert!(!clabe(b"002010077777777772"));
        assert!(!clabe(&[b'7'; 18]));
    }

    #[test]
    fn dni_and_nie_letters() {
        assert!(dni_nie(b"12345678Z"));
        assert!(!dni_nie(b"12345678A"));
        assert!(dni_nie(b"X1234567L"));
        assert!(!dni_nie(b"X1234567T"));
        assert!(dni_nie(b"Y1234567X"));
        assert!(!dni_nie(b"11111111H"));
        assert!(!dni_nie(b"1234567Z"));
    }
}
