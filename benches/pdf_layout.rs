//! Times the PDF layout toolkit on the sample заказ-наряд (two pages: the
//! order with two tables and the body diagram with three marks). Goal: at most
//! 30 ms per document. Run with `cargo bench --bench pdf_layout`.

use std::time::{Duration, Instant};

use remzona::documents::sample::{SAMPLE_LOGO, sample_order};
use remzona::documents::{Fonts, Image};

const WARM_UP: usize = 3;
const RUNS: usize = 40;

fn main() {
    let started = Instant::now();
    let fonts = Fonts::bundled().expect("bundled fonts parse");
    println!(
        "Fonts::bundled (once per process): {:.2} ms",
        ms(started.elapsed())
    );
    let logo = Image::decode(SAMPLE_LOGO).expect("the sample logo decodes");

    let mut size = 0;
    for _ in 0..WARM_UP {
        size = sample_order(&fonts, Some(&logo)).expect("renders").len();
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let pdf = sample_order(&fonts, Some(&logo)).expect("renders");
            let elapsed = started.elapsed();
            std::hint::black_box(pdf);
            elapsed
        })
        .collect();
    times.sort();
    let mean = times.iter().sum::<Duration>() / RUNS as u32;
    let p95 = times[(RUNS * 95).div_ceil(100) - 1];
    println!(
        "sample заказ-наряд, 2 pages: mean {:.2} ms, p95 {:.2} ms, min {:.2} ms over {RUNS} renders; {size} bytes",
        ms(mean),
        ms(p95),
        ms(times[0]),
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
