//! `cargo bench`: median time of one `assess` over a mixed set of situations (the worked
//! examples) and of one date parse. Prints figures; asserts nothing about time.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    benches::run();
}

/// Native only: divan does not build for wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    pub fn run() {
        divan::main();
    }

    use hoken_check::situation::{RawSituation, Situation};
    use std::hint::black_box;

    fn situations() -> Vec<Situation> {
        let text = include_str!("../tests/spec/examples.json");
        let items: Vec<serde_json::Value> = serde_json::from_str(text).expect("examples.json");
        items
            .iter()
            .map(|e| {
                let raw: RawSituation =
                    serde_json::from_value(e["situation"].clone()).expect("raw");
                raw.validate().expect("valid example")
            })
            .collect()
    }

    /// One `assess` per iteration, cycling through the 20 worked examples.
    #[divan::bench(sample_count = 200, sample_size = 200)]
    fn assess_one(bencher: divan::Bencher) {
        let all = situations();
        let mut i = 0usize;
        bencher.bench_local(|| {
            i = (i + 1) % all.len();
            black_box(hoken_check::assess(black_box(&all[i])))
        });
    }

    /// Validation + assessment from an untyped record (what the CLI and wasm do per record).
    #[divan::bench(sample_count = 100, sample_size = 100)]
    fn validate_and_assess_one(bencher: divan::Bencher) {
        let text = include_str!("../tests/spec/examples.json");
        let items: Vec<serde_json::Value> = serde_json::from_str(text).expect("examples.json");
        let raws: Vec<RawSituation> = items
            .iter()
            .map(|e| serde_json::from_value(e["situation"].clone()).expect("raw"))
            .collect();
        let mut i = 0usize;
        bencher.bench_local(|| {
            i = (i + 1) % raws.len();
            black_box(hoken_check::assess_raw(black_box(&raws[i])))
        });
    }

    const DATES: &[&str] = &[
        "令和7年12月1日",
        "R7.12.1",
        "２０２５／１２／０１",
        "平成31年4月30日",
        "2025-12-01",
        "令和元年5月1日",
    ];

    /// One lenient date parse per iteration, cycling through printed forms.
    #[divan::bench(sample_count = 200, sample_size = 500)]
    fn parse_date_one(bencher: divan::Bencher) {
        let mut i = 0usize;
        bencher.bench_local(|| {
            i = (i + 1) % DATES.len();
            black_box(hoken_check::parse_date(black_box(DATES[i])))
        });
    }
}
