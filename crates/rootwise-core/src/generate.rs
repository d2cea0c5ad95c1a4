//! Synthetic workspaces for benchmarks and performance work: N problems
//! with realistic, bilingual titles, made deterministically from a seed.

use crate::error::Result;
use crate::problem::{self, NewProblem};
use crate::store::Workspace;

/// Problem title fragments: what goes wrong, and where.
const WHAT: &[&str] = &[
    "Refund not received after cancellation",
    "Password reset email never arrives",
    "Invoice shows the wrong VAT amount",
    "Courier marked the parcel delivered but it never came",
    "Chat agent closed the conversation without an answer",
    "App logs the customer out after every update",
    "لم يصل المبلغ المسترد بعد إلغاء الطلب",
    "رسالة إعادة تعيين كلمة المرور لا تصل",
    "الفاتورة تعرض قيمة ضريبة خاطئة",
    "المندوب أغلق المحادثة دون رد واضح",
    "التطبيق يسجّل خروج العميل بعد كل تحديث",
    "انتظار طويل على الهاتف قبل الوصول إلى موظف",
];
const WHERE: &[&str] = &[
    "mobile app",
    "web checkout",
    "phone line",
    "branch visit",
    "تطبيق الجوال",
    "الموقع الإلكتروني",
    "خدمة الهاتف",
    "زيارة الفرع",
];

/// A small deterministic generator (SplitMix64); benchmarks need the same
/// workspace every run, not cryptographic randomness.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = (self.next() % items.len() as u64) as usize;
        items.get(i).copied().unwrap_or_default()
    }
}

/// Adds `count` synthetic problems to the workspace, through the same write
/// path as the app (history and search index included), in batches.
pub fn problems(ws: &mut Workspace, count: u32, seed: u64) -> Result<()> {
    const BATCH: u32 = 5_000;
    let mut rng = SplitMix(seed);
    let mut done = 0;
    while done < count {
        let n = BATCH.min(count - done);
        ws.write("Rootwise generator", |w| {
            for i in 0..n {
                let title = format!("{} ({}) #{}", rng.pick(WHAT), rng.pick(WHERE), done + i + 1);
                problem::create(w, &NewProblem { title })?;
            }
            Ok(())
        })?;
        done += n;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_the_requested_number_deterministically() {
        let mut a = Workspace::open_in_memory().unwrap();
        let mut b = Workspace::open_in_memory().unwrap();
        problems(&mut a, 7, 42).unwrap();
        problems(&mut b, 7, 42).unwrap();
        let pa = problem::list(a.conn(), 0, 100).unwrap();
        let pb = problem::list(b.conn(), 0, 100).unwrap();
        assert_eq!(pa.total, 7);
        let titles = |p: &problem::ProblemPage| {
            let mut t: Vec<_> = p.items.iter().map(|x| x.title.clone()).collect();
            t.sort();
            t
        };
        assert_eq!(titles(&pa), titles(&pb));
    }
}
