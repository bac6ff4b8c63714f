//! A realistic Russian auto-parts catalogue ("номенклатура") and a shop's price
//! list of services, for seeding demo shops and for benchmarks.
//!
//! Parts come in *families*, as in a real parts catalogue: one application
//! (say, front brake pads for Kia Rio III / Hyundai Solaris) has one or two
//! OEM numbers of the car maker and is made by several aftermarket brands,
//! each with its own article. Every part of a family lists the family's OEM
//! numbers and the other brands' articles as cross numbers, so that searching
//! any one number finds all the analogues, which is what the desk does all day.
//!
//! Everything is pure and deterministic: the same seed gives the same stream
//! on every machine. Articles and OEM numbers look like the real formats of
//! each brand (`OC 1234`, `W 712/73`, `0 986 494 123`, `GDB1550`) but are
//! invented; each (brand, article) is unique within a stream, however long.

use std::collections::{HashMap, VecDeque};

/// Unit of measure of a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartUnit {
    Piece,
    Litre,
    Kilogram,
    Metre,
    Set,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartSeed {
    /// Russian trade name with the key specs, e.g. "Фильтр масляный",
    /// "Масло моторное синтетическое 5W-30, 4 л".
    pub name: String,
    /// The article as the brand prints it: "OC 90", "W 712/73", "0 986 452 044".
    pub article: String,
    /// Manufacturer: aftermarket brands, oil makers and the car makers' own
    /// ("original") parts, e.g. "Лада (АвтоВАЗ)".
    pub brand: &'static str,
    /// Top-level and sub category, always one of [`CATEGORY_TREE`].
    pub category: (&'static str, &'static str),
    pub unit: PartUnit,
    /// Characteristics: ("Вязкость", "5W-30"), ("Объём", "4 л"), ("Высота", "79 мм").
    pub attributes: Vec<(&'static str, String)>,
    /// OEM numbers: (car maker, number), e.g. ("Hyundai/Kia", "26300-35505").
    pub oem: Vec<(&'static str, String)>,
    /// Cross numbers: (another brand, its article), the analogues in the family.
    pub cross: Vec<(&'static str, String)>,
    /// EAN-13 with a correct check digit, for about 70 % of parts.
    pub barcode: Option<String>,
    pub purchase_kopecks: i64,
    /// Always above the purchase price: a 25–60 % markup rounded up to whole
    /// rubles (to 10 rubles from 3 000 ₽).
    pub sale_kopecks: i64,
    /// Minimum stock in thousandths of a unit (2 pcs = 2000; 0 for rarely kept items).
    pub min_stock_milli: i64,
}

/// The category tree of the parts catalogue; a migration seeds the same tree
/// into the database, so every generated part lands in an existing category.
pub const CATEGORY_TREE: &[(&str, &[&str])] = &[
    (
        "Масла и технические жидкости",
        &[
            "Моторные масла",
            "Трансмиссионные масла",
            "Антифризы",
            "Тормозные жидкости",
            "Прочие жидкости",
        ],
    ),
    (
        "Фильтры",
        &["Масляные", "Воздушные", "Салонные", "Топливные"],
    ),
    (
        "Тормозная система",
        &["Колодки", "Диски", "Барабаны", "Шланги и тросы"],
    ),
    (
        "Подвеска и рулевое",
        &[
            "Амортизаторы",
            "Рычаги и сайлентблоки",
            "Шаровые опоры",
            "Рулевые тяги и наконечники",
            "Пружины",
            "Стойки стабилизатора",
            "Подшипники ступиц",
        ],
    ),
    (
        "Двигатель",
        &[
            "Свечи зажигания",
            "Ремни и ролики",
            "Помпы",
            "Прокладки и сальники",
            "Датчики",
        ],
    ),
    (
        "Электрика",
        &[
            "Лампы",
            "Аккумуляторы",
            "Предохранители и реле",
            "Щётки стеклоочистителя",
        ],
    ),
    (
        "Расходники",
        &["Крепёж", "Хомуты", "Химия и очистители", "Смазки"],
    ),
];

// ---------------------------------------------------------------------------
// Dice

/// A small deterministic generator (splitmix64-seeded xorshift64): no
/// dependency, the same sequence on every machine.
#[derive(Debug, Clone)]
struct Dice(u64);

impl Dice {
    /// Any seed works, 0 included: it is scrambled first, so nearby seeds give
    /// unrelated streams.
    fn new(seed: u64) -> Dice {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Dice(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    fn roll(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.roll() % n }
    }

    fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1);
        lo + i64::try_from(self.below(span)).unwrap_or(0)
    }

    fn percent(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }

    /// One of `items`, which must not be empty.
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.index(items.len())]
    }

    fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
        let total: u64 = items.iter().map(|item| u64::from(weight(item))).sum();
        let mut roll = self.below(total);
        for item in items {
            let w = u64::from(weight(item));
            if roll < w {
                return item;
            }
            roll -= w;
        }
        &items[items.len() - 1]
    }
}

// ---------------------------------------------------------------------------
// Article patterns

/// Letters that may stand in an article or OEM number (no I, O or Q, which
/// brands avoid because they read as 1 and 0).
const LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// Marks a number that ran out of its pattern's space: no pattern contains it,
/// so such numbers never clash with the regular ones.
const OVERFLOW_MARK: char = '~';

/// The radix of a placeholder in an article pattern: `#` a digit, `%` a
/// non-zero digit, `@` a letter; `None` for a literal character.
fn slot_radix(c: char) -> Option<u64> {
    match c {
        '#' => Some(10),
        '%' => Some(9),
        '@' => Some(LETTERS.len() as u64),
        _ => None,
    }
}

/// How many different numbers a pattern can print.
fn pattern_size(pattern: &str) -> u64 {
    pattern
        .chars()
        .filter_map(slot_radix)
        .fold(1u64, u64::saturating_mul)
}

/// Prints `x` (below [`pattern_size`]) into the pattern's placeholders, the
/// last placeholder the least significant: distinct `x` give distinct text.
fn fill(pattern: &str, mut x: u64) -> String {
    let mut chars: Vec<char> = pattern.chars().collect();
    for c in chars.iter_mut().rev() {
        let Some(radix) = slot_radix(*c) else {
            continue;
        };
        let d = x % radix;
        x /= radix;
        *c = match *c {
            '@' => char::from(LETTERS[usize::try_from(d).unwrap_or(0)]),
            '%' => char::from_digit(u32::try_from(d + 1).unwrap_or(1), 10).unwrap_or('1'),
            _ => char::from_digit(u32::try_from(d).unwrap_or(0), 10).unwrap_or('0'),
        };
    }
    chars.into_iter().collect()
}

/// A keyed permutation of `0..size`: an invertible mix of `bits`-bit numbers
/// (xor, odd multiplications, xor-shifts), repeated until the value lands
/// below `size` (cycle walking). Consecutive serials so get distinct,
/// random-looking numbers instead of `OC 0001`, `OC 0002`...
fn permute(n: u64, size: u64, key: u64) -> u64 {
    if size <= 1 {
        return 0;
    }
    let bits = u64::BITS - (size - 1).leading_zeros();
    let mask = if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    let mut x = n % size;
    loop {
        x ^= key & mask;
        x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15) & mask;
        x ^= x >> (bits / 2).max(1);
        x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9) & mask;
        x ^= x >> (bits / 3 + 1);
        x ^= (key >> 21) & mask;
        if x < size {
            return x;
        }
    }
}

/// FNV-1a of an owner and a pattern: each pattern gets its own permutation.
fn pattern_key(owner: &str, pattern: &str) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for byte in owner.bytes().chain([0]).chain(pattern.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01B3);
    }
    hash
}

// ---------------------------------------------------------------------------
// Brands

/// (brand, GS1 country prefix of its barcodes, price level in per cent of an
/// average brand). Budget Russian and Chinese-made brands are cheaper, German
/// premium and the car makers' originals dearer.
const BRANDS: &[(&str, &str, i64)] = &[
    ("MAHLE", "400", 115),
    ("MANN-FILTER", "401", 120),
    ("BOSCH", "404", 115),
    ("FILTRON", "590", 90),
    ("Sakura", "899", 80),
    ("LYNXauto", "460", 75),
    ("BIG Filter", "460", 55),
    ("NEVSKY FILTER", "460", 55),
    ("FEBI", "402", 100),
    ("TRW", "403", 110),
    ("Brembo", "800", 125),
    ("Ferodo", "501", 105),
    ("ATE", "400", 110),
    ("TEXTAR", "400", 115),
    ("Sangsin", "880", 85),
    ("Маркон", "460", 60),
    ("Fenox", "481", 70),
    ("Trialli", "460", 65),
    ("Akebono", "490", 120),
    ("Valeo", "333", 105),
    ("Zimmermann", "400", 110),
    ("Cofle", "800", 90),
    ("AUTOMEGA", "400", 80),
    ("KYB", "490", 100),
    ("Monroe", "541", 100),
    ("SACHS", "402", 115),
    ("BILSTEIN", "404", 140),
    ("SS20", "460", 80),
    ("LEMFÖRDER", "402", 125),
    ("Meyle", "405", 90),
    ("CTR", "880", 95),
    ("555", "490", 95),
    ("SWAG", "402", 85),
    ("БРТ", "460", 50),
    ("Lesjöfors", "731", 100),
    ("Технорессор", "460", 60),
    ("SKF", "731", 120),
    ("SNR", "301", 110),
    ("FAG", "401", 120),
    ("NGK", "087", 105),
    ("Denso", "459", 110),
    ("Champion", "501", 95),
    ("BRISK", "859", 80),
    ("GATES", "543", 110),
    ("ContiTech", "401", 110),
    ("Dayco", "800", 100),
    ("INA", "401", 120),
    ("LUK", "401", 115),
    ("Corteco", "400", 95),
    ("Hepu", "400", 85),
    ("LUZAR", "460", 70),
    ("Elring", "400", 105),
    ("Victor Reinz", "400", 105),
    ("Ajusa", "841", 90),
    ("Payen", "301", 90),
    ("FAE", "841", 90),
    ("Hella", "400", 105),
    ("СОАТЭ", "460", 60),
    ("Osram", "405", 105),
    ("Philips", "871", 110),
    ("Narva", "400", 90),
    ("MTF Light", "460", 80),
    ("Маяк", "460", 55),
    ("Varta", "401", 110),
    ("Тюмень", "460", 80),
    ("Аком", "460", 75),
    ("Exide", "376", 95),
    ("Topla", "383", 90),
    ("STARTVOLT", "460", 70),
    ("ПЭКА", "460", 60),
    ("Alca", "400", 80),
    ("Avantech", "880", 70),
    ("Shell", "501", 105),
    ("Лукойл", "460", 90),
    ("MOTUL", "337", 125),
    ("Castrol", "501", 110),
    ("ZIC", "880", 90),
    ("TOTAL", "316", 100),
    ("Sintec", "460", 75),
    ("Liqui Moly", "410", 130),
    ("Mobil", "501", 110),
    ("G-Energy", "460", 85),
    ("Роснефть", "460", 80),
    ("Felix", "460", 70),
    ("Coolstream", "460", 75),
    ("Лавр", "460", 65),
    ("ROSDOT", "460", 60),
    ("Kerry", "460", 50),
    ("Grass", "460", 55),
    ("ABRO", "007", 80),
    ("Runway", "460", 70),
    ("ВМПАВТО", "460", 70),
    ("OILRIGHT", "460", 45),
    ("Würth", "404", 120),
    ("NORMA", "400", 110),
    ("MIKALOR", "841", 100),
    // The car makers' own parts.
    ("Лада (АвтоВАЗ)", "460", 105),
    ("VAG", "400", 170),
    ("Hyundai/Kia", "880", 140),
    ("Toyota", "490", 160),
    ("Renault/Nissan", "350", 140),
    ("Ford", "400", 150),
    ("Chery", "690", 120),
    ("Haval", "690", 120),
    ("Geely", "690", 120),
    ("Mitsubishi", "490", 150),
    ("Mazda", "490", 150),
    ("BMW", "400", 190),
    ("Mercedes-Benz", "400", 190),
];

/// The GS1 prefix and price level of a brand (average for an unknown one).
fn brand_info(brand: &str) -> (&'static str, i64) {
    BRANDS
        .iter()
        .find(|(name, _, _)| *name == brand)
        .map_or(("460", 100), |&(_, prefix, level)| (prefix, level))
}

/// The brand under which a car maker's own parts are sold.
fn genuine_brand(maker: &'static str) -> &'static str {
    if maker == "LADA" {
        "Лада (АвтоВАЗ)"
    } else {
        maker
    }
}

// ---------------------------------------------------------------------------
// Applications

/// A group of cars sharing parts, as catalogues name it.
struct App {
    name: &'static str,
    /// The car maker whose OEM numbers the parts carry.
    maker: &'static str,
    /// The model code that starts LADA part numbers ("2190" for Granta).
    model: &'static str,
    /// How common the cars are at a Russian shop.
    weight: u32,
    /// Parts for premium cars cost more, for LADA less, per cent.
    price_pct: i64,
}

const fn app(
    name: &'static str,
    maker: &'static str,
    model: &'static str,
    weight: u32,
    price_pct: i64,
) -> App {
    App {
        name,
        maker,
        model,
        weight,
        price_pct,
    }
}

/// Cars common enough for a shop to keep their parts in stock.
const POPULAR_WEIGHT: u32 = 6;

const APPS: &[App] = &[
    app("Lada Granta / Kalina", "LADA", "2190", 14, 60),
    app("Lada Vesta / XRAY", "LADA", "2180", 10, 70),
    app("Lada Niva Legend 4x4", "LADA", "2121", 5, 60),
    app("Lada Priora", "LADA", "2170", 5, 60),
    app("ВАЗ 2110–2112", "LADA", "2110", 3, 55),
    app("Lada Largus", "LADA", "8450", 3, 70),
    app("Kia Rio III / Hyundai Solaris", "Hyundai/Kia", "", 10, 90),
    app("Kia Rio IV / Hyundai Solaris II", "Hyundai/Kia", "", 8, 95),
    app("Hyundai Creta", "Hyundai/Kia", "", 6, 100),
    app(
        "Kia Sportage IV / Hyundai Tucson III",
        "Hyundai/Kia",
        "",
        4,
        115,
    ),
    app("Kia Ceed / Hyundai i30", "Hyundai/Kia", "", 4, 100),
    app("Kia K5 / Hyundai Sonata", "Hyundai/Kia", "", 2, 120),
    app("VW Polo Sedan / Skoda Rapid 1.6 MPI", "VAG", "", 8, 90),
    app("Skoda Octavia A7 / VW Golf VII 1.4 TSI", "VAG", "", 5, 110),
    app("VW Tiguan II 2.0 TSI", "VAG", "", 3, 130),
    app("Skoda Kodiaq 2.0 TSI", "VAG", "", 2, 130),
    app("Audi A4 B8 / A5", "VAG", "", 2, 150),
    app("Toyota Camry XV50 / XV70", "Toyota", "", 5, 125),
    app("Toyota Corolla E150 / E180", "Toyota", "", 4, 100),
    app("Toyota RAV4 XA40 / XA50", "Toyota", "", 4, 120),
    app("Toyota Land Cruiser Prado 150", "Toyota", "", 2, 160),
    app("Renault Logan / Sandero", "Renault/Nissan", "", 6, 80),
    app("Renault Duster / Kaptur", "Renault/Nissan", "", 5, 85),
    app(
        "Nissan Qashqai J11 / X-Trail T32",
        "Renault/Nissan",
        "",
        3,
        110,
    ),
    app("Nissan Almera G15", "Renault/Nissan", "", 2, 80),
    app("Ford Focus II / III", "Ford", "", 4, 95),
    app("Ford Mondeo IV", "Ford", "", 1, 110),
    app("Chery Tiggo 7 Pro / Tiggo 8 Pro", "Chery", "", 4, 100),
    app("Haval Jolion / F7", "Haval", "", 4, 100),
    app("Geely Coolray / Atlas Pro", "Geely", "", 3, 100),
    app("Mitsubishi Outlander III / ASX", "Mitsubishi", "", 2, 115),
    app("Mazda 3 BM / CX-5 KE", "Mazda", "", 2, 115),
    app("BMW 3 F30 / X3 F25", "BMW", "", 1, 170),
    app("Mercedes-Benz C W205 / E W213", "Mercedes-Benz", "", 1, 170),
];

/// Makers whose numbers are given to parts sold by specification (oils,
/// lamps): such parts have the car makers' approvals, not a car.
const SPEC_OEM_MAKERS: &[&str] = &["VAG", "Hyundai/Kia", "Toyota", "LADA"];

/// The model code in LADA numbers of parts not made for one car.
const LADA_DEFAULT_MODEL: &str = "2108";

/// The OEM number pattern of `maker` for `kind`. The four makers with codes
/// in the kind use its part-group codes, so an oil filter is `… 115 561 …` at
/// VAG and `26300-…` at Hyundai/Kia, as in their real catalogues; a code
/// containing placeholders is a whole pattern.
fn oem_pattern(maker: &str, kind: &Kind, model: &str) -> String {
    let [vag, hk, toyota, gb] = kind.oem;
    let whole = |code: &str| code.contains(['#', '@', '%']);
    match maker {
        "VAG" if whole(vag) => vag.to_owned(),
        "VAG" => format!("#@# {vag} @"),
        "Hyundai/Kia" if whole(hk) => hk.to_owned(),
        "Hyundai/Kia" => format!("{hk}-#####"),
        "Toyota" if whole(toyota) => toyota.to_owned(),
        "Toyota" => format!("{toyota}-#####"),
        "LADA" if whole(gb) => gb.to_owned(),
        "LADA" => format!("{model}#-{gb}-##"),
        // Chinese makers number parts by the same GB/OST groups as LADA.
        "Chery" => format!("@##-{gb}"),
        "Haval" => format!("{gb}X@@##"),
        "Geely" => "10########".to_owned(),
        "Renault/Nissan" => "8200######".to_owned(),
        "Ford" => "# ### ###".to_owned(),
        "Mitsubishi" => "MN######".to_owned(),
        "Mazda" => "@@##-##-###".to_owned(),
        "BMW" => "## ## # ### ###".to_owned(),
        _ => "A ### ### ## ##".to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Kinds of parts

/// How a kind of part is chosen by the buyer.
#[derive(Clone, Copy)]
enum Fit {
    /// Made for particular cars; the number is how often (per cent) the
    /// application is written into the name.
    Car(u64),
    /// Sold by specification (viscosity, lamp base, length).
    Spec,
}

/// What a family looks like: the name without the application, the unit,
/// the characteristics and the price relative to the kind's reference item.
struct Look {
    name: String,
    unit: PartUnit,
    attributes: Vec<(&'static str, String)>,
    /// Per cent of the kind's reference price (a 1 l can costs less than 4 l).
    price_pct: i64,
}

impl Look {
    fn new(name: impl Into<String>, attributes: Vec<(&'static str, String)>) -> Look {
        Look {
            name: name.into(),
            unit: PartUnit::Piece,
            attributes,
            price_pct: 100,
        }
    }

    fn unit(mut self, unit: PartUnit) -> Look {
        self.unit = unit;
        self
    }

    fn priced(mut self, pct: i64) -> Look {
        self.price_pct = pct;
        self
    }
}

/// A kind of part with the brands that make it and their article patterns.
struct Kind {
    category: (&'static str, &'static str),
    /// How many families of this kind a catalogue has, relatively.
    weight: u32,
    fit: Fit,
    /// Purchase price range of the reference item, rubles, average brand and car.
    price: (i64, i64),
    /// Units a shop keeps of a popular item.
    stock: i64,
    look: fn(&mut Dice) -> Look,
    /// (brand, article patterns separated by `|`). Within a brand, different
    /// patterns never print the same text (a test checks), and each pattern
    /// numbers its parts by its own serial, so articles never repeat.
    makers: &'static [(&'static str, &'static str)],
    /// Part-group codes or whole OEM patterns of VAG, Hyundai/Kia, Toyota
    /// and the GB/OST group of LADA and the Chinese makers.
    oem: [&'static str; 4],
}

fn attr(key: &'static str, value: impl Into<String>) -> (&'static str, String) {
    (key, value.into())
}

fn mm(value: i64) -> String {
    format!("{value} мм")
}

/// A side of the car for paired parts; empty for parts fitting both sides.
fn side(d: &mut Dice) -> (&'static str, &'static str) {
    d.pick(&[
        (" левый", "левая"),
        (" правый", "правая"),
        ("", "любая"),
        ("", "любая"),
    ])
}

const FILTER_THREADS: &[&str] = &["M20x1,5", "3/4\"-16 UNF", "M22x1,5", "M18x1,5", "M16x1,5"];

fn oil_filter(d: &mut Dice) -> Look {
    if d.percent(25) {
        return Look::new(
            "Фильтр масляный (картридж)",
            vec![
                attr("Тип", "фильтрующий элемент"),
                attr("Высота", mm(d.range(60, 155))),
                attr("Наружный диаметр", mm(d.range(52, 84))),
                attr("Уплотнительные кольца", "в комплекте"),
            ],
        );
    }
    Look::new(
        "Фильтр масляный",
        vec![
            attr("Тип", "навинчиваемый"),
            attr("Высота", mm(d.range(65, 125))),
            attr("Наружный диаметр", mm(d.range(68, 96))),
            attr("Резьба", d.pick(FILTER_THREADS)),
            attr("Противодренажный клапан", "есть"),
        ],
    )
}

fn box_dimensions(
    d: &mut Dice,
    long: (i64, i64),
    wide: (i64, i64),
    high: (i64, i64),
) -> Vec<(&'static str, String)> {
    vec![
        attr("Длина", mm(d.range(long.0, long.1))),
        attr("Ширина", mm(d.range(wide.0, wide.1))),
        attr("Высота", mm(d.range(high.0, high.1))),
    ]
}

fn air_filter(d: &mut Dice) -> Look {
    let mut attributes = box_dimensions(d, (190, 360), (140, 260), (40, 85));
    attributes.push(attr("Форма", "прямоугольная"));
    Look::new("Фильтр воздушный", attributes)
}

fn cabin_filter(d: &mut Dice) -> Look {
    let carbon = d.percent(35);
    let mut attributes = box_dimensions(d, (180, 290), (160, 240), (20, 35));
    attributes.push(attr(
        "Тип",
        if carbon {
            "угольный"
        } else {
            "противопылевой"
        },
    ));
    if carbon {
        Look::new("Фильтр салонный угольный", attributes).priced(140)
    } else {
        Look::new("Фильтр салонный", attributes)
    }
}

fn fuel_filter(d: &mut Dice) -> Look {
    if d.percent(20) {
        return Look::new(
            "Фильтр топливный (дизель)",
            vec![
                attr("Тип", "с водоотделителем"),
                attr("Высота", mm(d.range(90, 180))),
            ],
        )
        .priced(150);
    }
    Look::new(
        "Фильтр топливный",
        vec![
            attr(
                "Тип",
                d.pick(&["тонкой очистки", "в сборе с регулятором давления"]),
            ),
            attr("Диаметр штуцера", d.pick(&["8 мм", "10 мм"])),
            attr("Высота", mm(d.range(80, 160))),
        ],
    )
}

fn pad_dimensions(d: &mut Dice, axle: &'static str) -> Vec<(&'static str, String)> {
    vec![
        attr("Ось", axle),
        attr("Ширина", mm(d.range(95, 165))),
        attr("Высота", mm(d.range(42, 68))),
        attr("Толщина", mm(d.range(15, 20))),
        attr("Датчик износа", d.pick(&["есть", "нет", "нет"])),
        attr("Количество в комплекте", "4 шт"),
    ]
}

fn front_pads(d: &mut Dice) -> Look {
    Look::new("Колодки тормозные передние", pad_dimensions(d, "передняя")).unit(PartUnit::Set)
}

fn rear_pads(d: &mut Dice) -> Look {
    if d.percent(40) {
        return Look::new(
            "Колодки тормозные задние барабанные",
            vec![
                attr("Ось", "задняя"),
                attr("Диаметр барабана", mm(d.range(180, 254))),
                attr("Ширина", mm(d.range(30, 45))),
            ],
        )
        .unit(PartUnit::Set)
        .priced(110);
    }
    Look::new("Колодки тормозные задние", pad_dimensions(d, "задняя"))
        .unit(PartUnit::Set)
        .priced(85)
}

fn brake_disc(d: &mut Dice) -> Look {
    let holes = attr("Количество отверстий", d.pick(&["4", "5"]));
    if d.percent(30) {
        return Look::new(
            "Диск тормозной задний",
            vec![
                attr("Ось", "задняя"),
                attr("Диаметр", mm(d.range(250, 300))),
                attr("Толщина", mm(d.range(9, 12))),
                attr("Тип", "сплошной"),
                holes,
            ],
        )
        .priced(80);
    }
    Look::new(
        "Диск тормозной передний вентилируемый",
        vec![
            attr("Ось", "передняя"),
            attr("Диаметр", mm(d.range(256, 345))),
            attr("Толщина", mm(d.range(20, 30))),
            attr("Тип", "вентилируемый"),
            holes,
        ],
    )
}

fn brake_drum(d: &mut Dice) -> Look {
    Look::new(
        "Барабан тормозной задний",
        vec![
            attr("Диаметр", mm(d.range(180, 254))),
            attr("Высота", mm(d.range(50, 80))),
            attr("Количество отверстий", d.pick(&["4", "5"])),
        ],
    )
}

fn brake_hose(d: &mut Dice) -> Look {
    let (name, axle) = d.pick(&[
        ("Шланг тормозной передний", "передняя"),
        ("Шланг тормозной задний", "задняя"),
    ]);
    Look::new(
        name,
        vec![
            attr("Ось", axle),
            attr("Длина", mm(d.range(220, 520))),
            attr("Резьба", "M10x1"),
        ],
    )
}

fn handbrake_cable(d: &mut Dice) -> Look {
    let (suffix, place) = d.pick(&[
        (" левый", "левый"),
        (" правый", "правый"),
        (" центральный", "центральный"),
    ]);
    Look::new(
        format!("Трос стояночного тормоза{suffix}"),
        vec![
            attr("Расположение", place),
            attr("Длина", mm(d.range(900, 1900))),
        ],
    )
}

fn brake_pipe(d: &mut Dice) -> Look {
    let (material, pct) = d.pick(&[("медно-никелевая", 100), ("стальная", 60)]);
    let diameter = d.pick(&["4,75 мм", "6 мм"]);
    Look::new(
        format!("Трубка тормозная {material} {diameter}"),
        vec![
            attr("Диаметр", diameter),
            attr("Материал", material),
            attr("Продажа", "на отрез"),
        ],
    )
    .unit(PartUnit::Metre)
    .priced(pct)
}

fn shock(d: &mut Dice, name: &str, pct: i64) -> Look {
    let (kind, kind_pct) = d.pick(&[
        ("газомасляный", 100),
        ("газомасляный", 100),
        ("газомасляный", 100),
        ("масляный", 85),
    ]);
    let (suffix, side_name) = side(d);
    let short = d.range(300, 420);
    Look::new(
        format!("{name} {kind}{suffix}"),
        vec![
            attr("Тип", kind),
            attr("Сторона", side_name),
            attr("Длина в сжатом состоянии", mm(short)),
            attr("Длина в разжатом состоянии", mm(short + d.range(120, 200))),
        ],
    )
    .priced(pct * kind_pct / 100)
}

fn front_shock(d: &mut Dice) -> Look {
    shock(d, "Амортизатор передний", 100)
}

fn rear_shock(d: &mut Dice) -> Look {
    shock(d, "Амортизатор задний", 80)
}

fn control_arm(d: &mut Dice) -> Look {
    let (suffix, side_name) = side(d);
    Look::new(
        format!("Рычаг передней подвески нижний{suffix}"),
        vec![
            attr("Сторона", side_name),
            attr("Сайлентблоки", "в комплекте"),
            attr(
                "Шаровая опора",
                d.pick(&["в комплекте", "приобретается отдельно"]),
            ),
        ],
    )
}

fn silent_block(d: &mut Dice) -> Look {
    let inner = d.range(10, 16);
    Look::new(
        format!(
            "Сайлентблок переднего рычага {}",
            d.pick(&["передний", "задний"])
        ),
        vec![
            attr("Внутренний диаметр", mm(inner)),
            attr("Наружный диаметр", mm(inner + d.range(20, 45))),
            attr("Высота", mm(d.range(30, 60))),
        ],
    )
}

fn ball_joint(d: &mut Dice) -> Look {
    let (suffix, side_name) = side(d);
    Look::new(
        format!("Опора шаровая{suffix}"),
        vec![
            attr("Сторона", side_name),
            attr("Конус", mm(d.pick(&[14, 16, 18]))),
        ],
    )
}

const STEERING_THREADS: &[&str] = &["M14x1,5", "M12x1,25", "M16x1,5"];

fn tie_rod_end(d: &mut Dice) -> Look {
    let (suffix, side_name) = side(d);
    Look::new(
        format!("Наконечник рулевой тяги{suffix}"),
        vec![
            attr("Сторона", side_name),
            attr("Резьба", d.pick(STEERING_THREADS)),
            attr("Длина", mm(d.range(90, 180))),
        ],
    )
}

fn tie_rod(d: &mut Dice) -> Look {
    Look::new(
        "Тяга рулевая",
        vec![
            attr("Длина", mm(d.range(200, 360))),
            attr("Резьба", d.pick(STEERING_THREADS)),
            attr("Пыльник", d.pick(&["в комплекте", "нет"])),
        ],
    )
}

fn coil_spring(d: &mut Dice) -> Look {
    let axle = d.pick(&["передняя", "задняя"]);
    let reinforced = d.percent(20);
    let attributes = vec![
        attr("Ось", axle),
        attr("Высота", mm(d.range(260, 430))),
        attr("Диаметр прутка", mm(d.range(11, 15))),
    ];
    if reinforced {
        Look::new(format!("Пружина подвески {axle} усиленная"), attributes).priced(130)
    } else {
        Look::new(format!("Пружина подвески {axle}"), attributes)
    }
}

fn stabiliser_link(d: &mut Dice) -> Look {
    let axle = d.pick(&["передняя", "задняя"]);
    let (suffix, side_name) = d.pick(&[(" левая", "левая"), (" правая", "правая"), ("", "любая")]);
    Look::new(
        format!("Стойка стабилизатора {axle}{suffix}"),
        vec![
            attr("Ось", axle),
            attr("Сторона", side_name),
            attr("Длина", mm(d.range(80, 340))),
        ],
    )
}

fn hub_bearing(d: &mut Dice) -> Look {
    let (name, axle, pct) = d.pick(&[
        ("Подшипник ступицы передней, комплект", "передняя", 100),
        ("Подшипник ступицы задней, комплект", "задняя", 90),
    ]);
    Look::new(
        name,
        vec![
            attr("Ось", axle),
            attr(
                "Размеры",
                format!(
                    "{}×{}×{} мм",
                    d.range(35, 45),
                    d.range(64, 84),
                    d.range(37, 45)
                ),
            ),
            attr("Кольцо ABS", d.pick(&["встроенное", "нет"])),
        ],
    )
    .unit(PartUnit::Set)
    .priced(pct)
}

fn spark_plug(d: &mut Dice) -> Look {
    let (name, electrode, pct) = d.pick(&[
        ("Свеча зажигания", "никель", 100),
        ("Свеча зажигания", "никель", 100),
        ("Свеча зажигания", "никель", 100),
        ("Свеча зажигания платиновая", "платина", 250),
        ("Свеча зажигания иридиевая", "иридий", 350),
    ]);
    let (thread, reach, wrench) = d.pick(&[
        ("M14x1,25", "19 мм", "16 мм"),
        ("M14x1,25", "26,5 мм", "16 мм"),
        ("M12x1,25", "26,5 мм", "14 мм"),
    ]);
    Look::new(
        name,
        vec![
            attr("Резьба", thread),
            attr("Длина резьбы", reach),
            attr("Размер под ключ", wrench),
            attr("Калильное число", d.range(5, 8).to_string()),
            attr("Материал электрода", electrode),
            attr("Зазор", d.pick(&["0,8 мм", "1,0 мм", "1,1 мм"])),
        ],
    )
    .priced(pct)
}

fn ribbed_belt(d: &mut Dice) -> Look {
    let ribs = d.range(4, 7);
    let length = d.range(140, 440) * 5;
    Look::new(
        format!("Ремень поликлиновой {ribs}PK{length}"),
        vec![
            attr("Количество рёбер", ribs.to_string()),
            attr("Длина", mm(length)),
        ],
    )
    .priced(50 + ribs * 10 + length / 50)
}

fn timing_kit(d: &mut Dice) -> Look {
    let with_pump = d.percent(30);
    let attributes = vec![
        attr("Количество зубьев", d.range(100, 160).to_string()),
        attr("Ширина ремня", mm(d.range(17, 30))),
        attr("Ролики", format!("{} шт", d.range(1, 3))),
        attr(
            "Помпа",
            if with_pump {
                "в комплекте"
            } else {
                "нет"
            },
        ),
    ];
    let look = if with_pump {
        Look::new("Комплект ГРМ с помпой", attributes).priced(150)
    } else {
        Look::new("Комплект ГРМ", attributes)
    };
    look.unit(PartUnit::Set)
}

fn belt_roller(d: &mut Dice) -> Look {
    Look::new(
        d.pick(&[
            "Ролик натяжной ремня ГРМ",
            "Ролик обводной приводного ремня",
            "Ролик натяжителя приводного ремня",
        ]),
        vec![
            attr("Диаметр", mm(d.range(55, 80))),
            attr("Ширина", mm(d.range(20, 32))),
        ],
    )
}

fn crank_pulley(d: &mut Dice) -> Look {
    Look::new(
        "Шкив коленвала (демпфер)",
        vec![
            attr("Количество рёбер", d.pick(&["5", "6"])),
            attr("Диаметр", mm(d.range(130, 170))),
        ],
    )
}

fn water_pump(d: &mut Dice) -> Look {
    Look::new(
        "Помпа водяная",
        vec![
            attr("Количество лопастей", d.range(6, 10).to_string()),
            attr("Крыльчатка", d.pick(&["металл", "пластик"])),
            attr("Прокладка", "в комплекте"),
        ],
    )
}

fn gasket(d: &mut Dice) -> Look {
    let (name, pct) = d.pick(&[
        ("Прокладка клапанной крышки", 100),
        ("Прокладка клапанной крышки", 100),
        ("Прокладка поддона картера", 90),
        ("Прокладка выпускного коллектора", 70),
        ("Прокладка ГБЦ", 250),
    ]);
    Look::new(
        name,
        vec![attr(
            "Материал",
            d.pick(&["резина", "металл (многослойная)", "паронит"]),
        )],
    )
    .priced(pct)
}

fn oil_seal(d: &mut Dice) -> Look {
    let (name, unit, pct) = d.pick(&[
        ("Сальник коленвала передний", PartUnit::Piece, 100),
        ("Сальник коленвала задний", PartUnit::Piece, 150),
        ("Сальник распредвала", PartUnit::Piece, 90),
        ("Маслосъёмные колпачки, комплект", PartUnit::Set, 200),
    ]);
    let inner = d.range(30, 95);
    Look::new(
        name,
        vec![
            attr(
                "Размер",
                format!("{inner}×{}×{} мм", inner + d.range(10, 20), d.range(7, 10)),
            ),
            attr("Материал", d.pick(&["FKM (фторкаучук)", "ACM", "NBR"])),
        ],
    )
    .unit(unit)
    .priced(pct)
}

fn oxygen_sensor(d: &mut Dice) -> Look {
    Look::new(
        format!(
            "Датчик кислородный (лямбда-зонд) {}",
            d.pick(&["управляющий", "диагностический"])
        ),
        vec![
            attr("Количество проводов", d.pick(&["4", "4", "5"])),
            attr("Длина кабеля", mm(d.range(30, 80) * 10)),
        ],
    )
}

fn coolant_sensor(d: &mut Dice) -> Look {
    Look::new(
        "Датчик температуры охлаждающей жидкости",
        vec![
            attr("Резьба", d.pick(&["M12x1,5", "M10x1", "M14x1,5"])),
            attr("Количество контактов", d.pick(&["2", "3", "4"])),
        ],
    )
}

/// A pack of a liquid: (label, price per cent of the reference pack, weight);
/// an empty label is sale from a barrel by the litre.
type Pack = (&'static str, i64, u32);

/// Adds the pack to a liquid's name: ", 4 л" for a can, " (розлив)" and the
/// litre as the unit for sale from a barrel.
fn packed(
    d: &mut Dice,
    name: String,
    packs: &[Pack],
    mut attributes: Vec<(&'static str, String)>,
) -> Look {
    let &(label, pct, _) = d.weighted(packs, |p| p.2);
    if label.is_empty() {
        attributes.push(attr("Тара", "бочка 208 л"));
        return Look::new(format!("{name} (розлив)"), attributes)
            .unit(PartUnit::Litre)
            .priced(pct);
    }
    let key = if label.ends_with("кг") {
        "Масса"
    } else {
        "Объём"
    };
    attributes.push(attr(key, label));
    Look::new(format!("{name}, {label}"), attributes).priced(pct)
}

fn engine_oil(d: &mut Dice) -> Look {
    let (base, grades, pct): (&str, &[&str], i64) = match d.below(10) {
        0..=5 => (
            "синтетическое",
            &[
                "0W-20", "0W-30", "5W-30", "5W-30", "5W-40", "5W-40", "0W-40",
            ],
            100,
        ),
        6..=8 => ("полусинтетическое", &["10W-40", "10W-40", "5W-40"], 75),
        _ => ("минеральное", &["15W-40", "10W-40", "20W-50"], 55),
    };
    let grade = d.pick(grades);
    let attributes = vec![
        attr("Вязкость", grade),
        attr("Тип", base),
        attr("Класс API", d.pick(&["SP", "SN", "SN/CF", "SL/CF"])),
        attr("Класс ACEA", d.pick(&["A3/B4", "C3", "A5/B5", "C2"])),
    ];
    let packs = &[
        ("1 л", 30, 20),
        ("4 л", 100, 45),
        ("5 л", 120, 20),
        ("", 22, 15),
    ];
    let look = packed(
        d,
        format!("Масло моторное {base} {grade}"),
        packs,
        attributes,
    );
    let total = look.price_pct * pct / 100;
    look.priced(total)
}

fn gear_oil(d: &mut Dice) -> Look {
    let (name, spec, pct) = d.pick(&[
        ("Масло трансмиссионное 75W-90", "API GL-5", 100),
        ("Масло трансмиссионное 75W-80", "API GL-4", 100),
        ("Масло трансмиссионное 80W-90", "API GL-5", 60),
        ("Масло для АКПП ATF Dexron III", "Dexron III", 90),
        ("Масло для АКПП ATF Dexron VI", "Dexron VI", 120),
        ("Масло для вариатора CVT", "CVT NS-3", 140),
    ]);
    let packs = &[("1 л", 100, 60), ("4 л", 350, 25), ("", 80, 15)];
    let look = packed(d, name.to_owned(), packs, vec![attr("Спецификация", spec)]);
    let total = look.price_pct * pct / 100;
    look.priced(total)
}

fn antifreeze(d: &mut Dice) -> Look {
    let (class, colour, pct) = d.pick(&[
        ("G11", "зелёный", 70),
        ("G12", "красный", 90),
        ("G12+", "красный", 100),
        ("G12+", "красный", 100),
        ("G12++", "фиолетовый", 120),
        ("G13", "фиолетовый", 130),
    ]);
    let frost = d.pick(&["−40 °C", "−40 °C", "−45 °C"]);
    let attributes = vec![
        attr("Класс", class),
        attr("Цвет", colour),
        attr("Температура замерзания", frost),
    ];
    let packs = &[
        ("1 кг", 35, 25),
        ("5 кг", 100, 45),
        ("10 кг", 190, 15),
        ("", 20, 15),
    ];
    let look = packed(d, format!("Антифриз {class} {colour}"), packs, attributes);
    let total = look.price_pct * pct / 100;
    look.priced(total)
}

fn brake_fluid(d: &mut Dice) -> Look {
    let (class, pct) = d.pick(&[
        ("DOT-4", 100),
        ("DOT-4", 100),
        ("DOT-4 Class 6", 130),
        ("DOT-5.1", 160),
        ("DOT-3", 70),
    ]);
    let (volume, volume_pct) = d.pick(&[("0,5 л", 55), ("1 л", 100), ("0,91 л", 95)]);
    Look::new(
        format!("Жидкость тормозная {class}, {volume}"),
        vec![
            attr("Класс", class),
            attr("Объём", volume),
            attr("Температура кипения", format!("{} °C", d.range(230, 265))),
        ],
    )
    .priced(pct * volume_pct / 100)
}

fn other_fluid(d: &mut Dice) -> Look {
    let (name, purpose, pct) = d.pick(&[
        (
            "Жидкость стеклоомывателя зимняя −20 °C, 4 л",
            "стеклоомыватель",
            60,
        ),
        (
            "Жидкость стеклоомывателя зимняя −30 °C, 5 л",
            "стеклоомыватель",
            85,
        ),
        (
            "Жидкость стеклоомывателя летняя, 4 л",
            "стеклоомыватель",
            40,
        ),
        (
            "Вода дистиллированная, 5 л",
            "доливка АКБ и системы охлаждения",
            30,
        ),
        ("Жидкость ГУР, 1 л", "гидроусилитель руля", 100),
        ("Жидкость AdBlue, 10 л", "система SCR дизеля", 130),
    ]);
    Look::new(name, vec![attr("Назначение", purpose)]).priced(pct)
}

fn lamp(d: &mut Dice) -> Look {
    // (base, socket, voltage, power, type, per cent of H7).
    let (base, socket, volts, watts, kind, pct) = d.pick(&[
        ("H7", "PX26d", "12V", "55W", "галогенная", 100),
        ("H7", "PX26d", "12V", "55W", "галогенная", 100),
        ("H4", "P43t", "12V", "60/55W", "галогенная", 100),
        ("H4", "P43t", "12V", "60/55W", "галогенная", 100),
        ("H1", "P14,5s", "12V", "55W", "галогенная", 90),
        ("H11", "PGJ19-2", "12V", "55W", "галогенная", 120),
        ("HB3", "P20d", "12V", "60W", "галогенная", 130),
        ("HB4", "P22d", "12V", "51W", "галогенная", 130),
        ("D2S", "P32d-2", "85V", "35W", "ксеноновая", 900),
        ("D1S", "PK32d-2", "85V", "35W", "ксеноновая", 1000),
        ("W5W", "W2,1x9,5d", "12V", "5W", "накаливания", 15),
        ("P21W", "BA15s", "12V", "21W", "накаливания", 15),
        ("PY21W", "BAU15s", "12V", "21W", "накаливания", 20),
        ("P21/5W", "BAY15d", "12V", "21/5W", "накаливания", 18),
    ]);
    let (series, series_pct) = if kind == "галогенная" {
        d.pick(&[
            ("", 100),
            ("", 100),
            (" LongLife", 140),
            (" +30%", 130),
            (" +100%", 220),
            (" Night Breaker", 280),
            (" Cool Blue", 250),
        ])
    } else {
        ("", 100)
    };
    let attributes = vec![
        attr("Цоколь", socket),
        attr("Напряжение", volts.replace('V', " В")),
        attr("Мощность", watts.replace('W', " Вт")),
        attr("Тип", kind),
    ];
    let name = format!("Лампа {base} {volts} {watts}{series}");
    let pct = pct * series_pct / 100;
    if kind != "ксеноновая" && d.percent(25) {
        return Look::new(format!("{name}, 2 шт"), attributes)
            .unit(PartUnit::Set)
            .priced(pct * 2);
    }
    Look::new(name, attributes).priced(pct)
}

fn battery(d: &mut Dice) -> Look {
    let (ah, size) = d.pick(&[
        (45, "207×175×190"),
        (55, "242×175×175"),
        (60, "242×175×190"),
        (60, "242×175×190"),
        (62, "242×175×190"),
        (66, "278×175×190"),
        (70, "278×175×190"),
        (74, "278×175×190"),
        (77, "278×175×190"),
        (90, "353×175×190"),
        (95, "306×173×225"),
        (100, "353×175×190"),
    ]);
    let (tech, prefix, tech_pct) = d.pick(&[
        ("кальциевый", "", 100),
        ("кальциевый", "", 100),
        ("кальциевый", "", 100),
        ("кальциевый", "", 100),
        ("EFB", "EFB ", 130),
        ("AGM", "AGM ", 165),
    ]);
    let polarity = d.pick(&["обратная", "обратная", "обратная", "прямая"]);
    Look::new(
        format!("Аккумулятор {prefix}{ah} А·ч {polarity} полярность"),
        vec![
            attr("Ёмкость", format!("{ah} А·ч")),
            attr("Пусковой ток", format!("{} А", ah * 9 / 10 * 10)),
            attr("Полярность", polarity),
            attr("Технология", tech),
            attr("Габариты", format!("{size} мм")),
        ],
    )
    .priced((40 + ah) * tech_pct / 100)
}

fn fuse_or_relay(d: &mut Dice) -> Look {
    let amps = d.pick(&[5, 7, 10, 15, 20, 25, 30]);
    let (name, unit, pct) = match d.below(6) {
        0 => (
            format!("Предохранитель флажковый стандартный {amps} А, 10 шт"),
            PartUnit::Piece,
            60,
        ),
        1 => (
            format!("Предохранитель флажковый мини {amps} А, 10 шт"),
            PartUnit::Piece,
            60,
        ),
        2 => ("Реле 4-контактное 12V 30A".to_owned(), PartUnit::Piece, 100),
        3 => (
            "Реле 5-контактное 12V 30/20A".to_owned(),
            PartUnit::Piece,
            110,
        ),
        4 => ("Реле поворотов 12V".to_owned(), PartUnit::Piece, 150),
        _ => (
            "Набор предохранителей, 120 шт".to_owned(),
            PartUnit::Set,
            300,
        ),
    };
    Look::new(name, vec![attr("Напряжение", "12 В")])
        .unit(unit)
        .priced(pct)
}

fn wiper(d: &mut Dice) -> Look {
    let (kind, plural, pct) = d.pick(&[
        ("бескаркасная", "бескаркасные", 100),
        ("бескаркасная", "бескаркасные", 100),
        ("каркасная", "каркасные", 60),
        ("гибридная", "гибридные", 140),
    ]);
    let mount = attr(
        "Крепление",
        d.pick(&["крючок 9×3", "крючок 9×4", "Push Button", "Top Lock"]),
    );
    let driver = d.range(11, 28) * 25;
    if d.percent(20) {
        let passenger = d.range(14, driver / 25) * 25;
        return Look::new(
            format!("Щётки стеклоочистителя {plural} {driver}/{passenger} мм, комплект"),
            vec![
                attr("Длина", format!("{driver}/{passenger} мм")),
                attr("Тип", kind),
                mount,
            ],
        )
        .unit(PartUnit::Set)
        .priced(pct * 190 / 100);
    }
    Look::new(
        format!("Щётка стеклоочистителя {kind} {driver} мм"),
        vec![attr("Длина", mm(driver)), attr("Тип", kind), mount],
    )
    .priced(pct)
}

fn fastener(d: &mut Dice) -> Look {
    let thread = d.pick(&["M12x1,5", "M12x1,25", "M14x1,5"]);
    let seat = d.pick(&["конус", "сфера", "плоская шайба"]);
    let (name, pct) = match d.below(5) {
        0 | 1 => (
            format!(
                "Болт колёсный {thread}×{} {seat}",
                d.pick(&[26, 28, 30, 45])
            ),
            100,
        ),
        2 => (format!("Гайка колёсная {thread} {seat}"), 80),
        3 => (format!("Шпилька колёсная {thread}"), 120),
        _ => ("Клипса обивки двери, 10 шт".to_owned(), 150),
    };
    Look::new(
        name,
        vec![
            attr("Резьба", thread),
            attr("Посадка", seat),
            attr("Покрытие", "цинк"),
        ],
    )
    .priced(pct)
}

fn hose_clamp(d: &mut Dice) -> Look {
    let low = d.range(8, 60);
    let high = low + d.range(8, 20);
    let (name, pct) = match d.below(4) {
        0 | 1 => (format!("Хомут червячный {low}–{high} мм"), 100),
        2 => (format!("Хомут пружинный {low} мм"), 70),
        _ => (
            format!(
                "Хомут пластиковый (стяжка) {}, 100 шт",
                d.pick(&["3,6×200 мм", "4,8×300 мм", "7,6×370 мм"])
            ),
            250,
        ),
    };
    Look::new(
        name,
        vec![
            attr("Диапазон", format!("{low}–{high} мм")),
            attr(
                "Материал",
                d.pick(&["нержавеющая сталь W2", "оцинкованная сталь W1"]),
            ),
        ],
    )
    .priced(pct)
}

fn chemistry(d: &mut Dice) -> Look {
    let (name, volume, pct) = d.pick(&[
        ("Очиститель тормозов", "520 мл", 100),
        ("Очиститель тормозов", "520 мл", 100),
        ("Очиститель дроссельной заслонки", "400 мл", 120),
        ("Очиститель карбюратора и инжектора", "400 мл", 110),
        ("Очиститель контактов", "335 мл", 110),
        ("Смазка проникающая универсальная", "400 мл", 100),
        ("Промывка двигателя 5-минутная", "300 мл", 90),
        ("Герметик прокладок красный", "85 г", 130),
    ]);
    Look::new(format!("{name}, {volume}"), vec![attr("Объём", volume)]).priced(pct)
}

fn grease(d: &mut Dice) -> Look {
    let (name, pack, unit, pct) = d.pick(&[
        ("Смазка литиевая Литол-24", "800 г", PartUnit::Piece, 100),
        ("Смазка ШРУС-4", "250 г", PartUnit::Piece, 80),
        (
            "Смазка медная противозадирная",
            "100 г",
            PartUnit::Piece,
            120,
        ),
        (
            "Смазка для направляющих суппорта",
            "50 г",
            PartUnit::Piece,
            110,
        ),
        (
            "Смазка литиевая Литол-24 (развес)",
            "",
            PartUnit::Kilogram,
            90,
        ),
        ("Солидол жировой (развес)", "", PartUnit::Kilogram, 70),
    ]);
    let mut attributes = vec![attr("Температура применения", "−40…+120 °C")];
    if pack.is_empty() {
        attributes.push(attr("Продажа", "на развес"));
        return Look::new(name, attributes).unit(unit).priced(pct);
    }
    attributes.push(attr("Масса", pack));
    Look::new(format!("{name}, {pack}"), attributes)
        .unit(unit)
        .priced(pct)
}

// Brand lists shared by several kinds.

const PADS: &[(&str, &str)] = &[
    ("TRW", "GDB####"),
    ("BOSCH", "0 986 49# ###"),
    ("Brembo", "P ## ###"),
    ("Ferodo", "FDB####"),
    ("ATE", "13.0460-####.2"),
    ("TEXTAR", "2######"),
    ("Sangsin", "SP####"),
    ("Маркон", "#######"),
    ("Fenox", "BP4####"),
    ("LYNXauto", "BD-####"),
    ("Trialli", "PF ####"),
    ("Akebono", "AN-####WK"),
    ("Valeo", "598####"),
];

const SHOCKS: &[(&str, &str)] = &[
    ("KYB", "33####|34####|55####"),
    ("Monroe", "G####|E####"),
    ("SACHS", "31# ###"),
    ("BILSTEIN", "22-######|19-######"),
    ("Fenox", "A6####"),
    ("Trialli", "AG ####"),
    ("LYNXauto", "R5####"),
    ("SS20", "SS2####"),
];

const ENGINE_OILS: &[(&str, &str)] = &[
    ("Shell", "550######"),
    ("Лукойл", "#######"),
    ("MOTUL", "1#####"),
    ("Castrol", "15@#@#"),
    ("ZIC", "1#####"),
    ("TOTAL", "2#####"),
    ("Sintec", "8#####"),
    ("Liqui Moly", "#####"),
    ("Mobil", "15####"),
    ("G-Energy", "253######"),
    ("Роснефть", "40#####"),
];

/// Application written into the name of most car parts.
const NAMED: Fit = Fit::Car(90);

const KINDS: &[Kind] = &[
    Kind {
        category: ("Фильтры", "Масляные"),
        weight: 7,
        fit: NAMED,
        price: (260, 950),
        stock: 3,
        look: oil_filter,
        makers: &[
            ("MAHLE", "OC ####|OX ####D"),
            ("MANN-FILTER", "W ###/##|HU ###/# x"),
            ("BOSCH", "F 026 407 ###|0 451 10# ###"),
            ("FILTRON", "OP ###/#|OE ###/#"),
            ("Sakura", "C-####"),
            ("LYNXauto", "LC-####"),
            ("BIG Filter", "GB-1####"),
            ("NEVSKY FILTER", "NF-1####"),
            ("FEBI", "#####"),
        ],
        oem: ["115 561", "26300", "90915", "1012005"],
    },
    Kind {
        category: ("Фильтры", "Воздушные"),
        weight: 6,
        fit: NAMED,
        price: (300, 950),
        stock: 2,
        look: air_filter,
        makers: &[
            ("MAHLE", "LX ####"),
            ("MANN-FILTER", "C ####|C ## ###"),
            ("BOSCH", "F 026 400 ###|1 457 43# ###"),
            ("FILTRON", "AP ###/#"),
            ("Sakura", "A-####"),
            ("LYNXauto", "LA-####"),
            ("BIG Filter", "GB-9####"),
            ("NEVSKY FILTER", "NF-2####"),
        ],
        oem: ["129 620", "28113", "17801", "1109080"],
    },
    Kind {
        category: ("Фильтры", "Салонные"),
        weight: 6,
        fit: NAMED,
        price: (280, 900),
        stock: 2,
        look: cabin_filter,
        makers: &[
            ("MAHLE", "LA ####|LAK ####"),
            ("MANN-FILTER", "CU ####|CUK ####"),
            ("BOSCH", "1 987 43# ###"),
            ("FILTRON", "K ####"),
            ("Denso", "DCF####K"),
            ("Sakura", "CA-####"),
            ("LYNXauto", "LAC-####"),
            ("BIG Filter", "GB-8####"),
            ("NEVSKY FILTER", "NF-6####"),
        ],
        oem: ["819 653", "97133", "87139", "8122010"],
    },
    Kind {
        category: ("Фильтры", "Топливные"),
        weight: 4,
        fit: NAMED,
        price: (350, 950),
        stock: 1,
        look: fuel_filter,
        makers: &[
            ("MAHLE", "KL ####|KX ####"),
            ("MANN-FILTER", "WK ###/#|WK ###/# x"),
            ("BOSCH", "0 450 90# ###|F 026 402 ###"),
            ("FILTRON", "PP ###/#"),
            ("Sakura", "FS-####"),
            ("LYNXauto", "LF-####"),
            ("BIG Filter", "GB-6####"),
            ("NEVSKY FILTER", "NF-3####"),
        ],
        oem: ["201 051", "31911", "23300", "1117010"],
    },
    Kind {
        category: ("Тормозная система", "Колодки"),
        weight: 7,
        fit: NAMED,
        price: (1200, 3900),
        stock: 2,
        look: front_pads,
        makers: PADS,
        oem: ["698 151", "58101", "04465", "3501080"],
    },
    Kind {
        category: ("Тормозная система", "Колодки"),
        weight: 5,
        fit: NAMED,
        price: (1200, 3900),
        stock: 1,
        look: rear_pads,
        makers: PADS,
        oem: ["698 451", "58302", "04466", "3502090"],
    },
    Kind {
        category: ("Тормозная система", "Диски"),
        weight: 5,
        fit: NAMED,
        price: (1800, 5000),
        stock: 2,
        look: brake_disc,
        makers: &[
            ("TRW", "DF####"),
            ("BOSCH", "0 986 47# ###"),
            ("Brembo", "09.@###.##"),
            ("ATE", "24.01##-0###.1"),
            ("Zimmermann", "###.####.20"),
            ("Ferodo", "DDF####"),
            ("TEXTAR", "9######"),
            ("Fenox", "TB2####"),
            ("LYNXauto", "BN-####"),
            ("Trialli", "DF ####"),
        ],
        oem: ["615 301", "51712", "43512", "3501070"],
    },
    Kind {
        category: ("Тормозная система", "Барабаны"),
        weight: 2,
        fit: NAMED,
        price: (1500, 4000),
        stock: 1,
        look: brake_drum,
        makers: &[
            ("TRW", "DB####"),
            ("BOSCH", "0 986 47# ###"),
            ("Brembo", "14.@###.10"),
            ("Zimmermann", "###.####.20"),
            ("Fenox", "TO2####"),
            ("LYNXauto", "BM-####"),
            ("Trialli", "DR ####"),
        ],
        oem: ["609 617", "58411", "42431", "3502070"],
    },
    Kind {
        category: ("Тормозная система", "Шланги и тросы"),
        weight: 2,
        fit: NAMED,
        price: (350, 1200),
        stock: 2,
        look: brake_hose,
        makers: &[
            ("TRW", "PHD####"),
            ("ATE", "83.7##-####.3"),
            ("BOSCH", "1 987 48# ###"),
            ("FEBI", "#####"),
            ("Fenox", "PH2####"),
            ("LYNXauto", "BH-####"),
            ("Trialli", "BF ####"),
        ],
        oem: ["611 701", "58731", "90947", "3506060"],
    },
    Kind {
        category: ("Тормозная система", "Шланги и тросы"),
        weight: 2,
        fit: NAMED,
        price: (450, 1500),
        stock: 1,
        look: handbrake_cable,
        makers: &[
            ("Cofle", "1#.####"),
            ("TRW", "GCH####"),
            ("FEBI", "#####"),
            ("Fenox", "ZC1####"),
            ("LYNXauto", "CB-####"),
            ("Trialli", "CS ####"),
        ],
        oem: ["609 721", "59760", "46420", "3508180"],
    },
    Kind {
        category: ("Тормозная система", "Шланги и тросы"),
        weight: 1,
        fit: Fit::Spec,
        price: (90, 250),
        stock: 10,
        look: brake_pipe,
        makers: &[
            ("FEBI", "#####"),
            ("AUTOMEGA", "2#######"),
            ("LYNXauto", "BP-####"),
            ("Trialli", "BT ####"),
            ("Fenox", "BPM####"),
        ],
        oem: [
            "#@# 611 775 @",
            "58732-#####",
            "47311-#####",
            "88888-S3###-###",
        ],
    },
    Kind {
        category: ("Подвеска и рулевое", "Амортизаторы"),
        weight: 4,
        fit: NAMED,
        price: (2200, 7500),
        stock: 2,
        look: front_shock,
        makers: SHOCKS,
        oem: ["413 031", "54651", "48510", "2905004"],
    },
    Kind {
        category: ("Подвеска и рулевое", "Амортизаторы"),
        weight: 4,
        fit: NAMED,
        price: (2200, 7500),
        stock: 2,
        look: rear_shock,
        makers: SHOCKS,
        oem: ["513 025", "55310", "48530", "2915004"],
    },
    Kind {
        category: ("Подвеска и рулевое", "Рычаги и сайлентблоки"),
        weight: 3,
        fit: NAMED,
        price: (1800, 7000),
        stock: 1,
        look: control_arm,
        makers: &[
            ("LEMFÖRDER", "##### ##"),
            ("TRW", "JTC####"),
            ("FEBI", "#####"),
            ("Meyle", "### ### ####"),
            ("CTR", "CQ@@-##"),
            ("555", "SA-####"),
            ("Fenox", "CAB####"),
            ("LYNXauto", "C5####"),
            ("SWAG", "## ## ####"),
        ],
        oem: ["407 151", "54500", "48068", "2904020"],
    },
    Kind {
        category: ("Подвеска и рулевое", "Рычаги и сайлентблоки"),
        weight: 3,
        fit: NAMED,
        price: (250, 900),
        stock: 2,
        look: silent_block,
        makers: &[
            ("LEMFÖRDER", "##### ##"),
            ("FEBI", "#####"),
            ("Meyle", "### ### ####"),
            ("CTR", "GV@@-##"),
            ("Fenox", "SAB####"),
            ("LYNXauto", "C8####"),
            ("БРТ", "####-#######Р"),
            ("SWAG", "## ## ####"),
        ],
        oem: ["407 182", "54551", "48655", "2904040"],
    },
    Kind {
        category: ("Подвеска и рулевое", "Шаровые опоры"),
        weight: 3,
        fit: NAMED,
        price: (600, 2200),
        stock: 2,
        look: ball_joint,
        makers: &[
            ("555", "SB-####"),
            ("CTR", "CB@@-##"),
            ("LEMFÖRDER", "##### ##"),
            ("TRW", "JBJ####"),
            ("FEBI", "#####"),
            ("Fenox", "BJ1####"),
            ("LYNXauto", "C1####"),
            ("Meyle", "### ### ####"),
        ],
        oem: ["407 365", "51760", "43330", "2904192"],
    },
    Kind {
        category: ("Подвеска и рулевое", "Рулевые тяги и наконечники"),
        weight: 4,
        fit: NAMED,
        price: (500, 1800),
        stock: 2,
        look: tie_rod_end,
        makers: &[
            ("555", "SE-####"),
            ("CTR", "CE@@-##"),
            ("LEMFÖRDER", "##### ##"),
            ("TRW", "JTE####"),
            ("FEBI", "#####"),
            ("Fenox", "SP3####"),
            ("LYNXauto", "C2####"),
            ("Trialli", "RS ####"),
            ("SWAG", "## ## ####"),
        ],
        oem: ["423 811", "56820", "45046", "3414057"],
    },
    Kind {
        category: ("Подвеска и рулевое", "Рулевые тяги и наконечники"),
        weight: 2,
        fit: NAMED,
        price: (700, 2500),
        stock: 1,
        look: tie_rod,
        makers: &[
            ("555", "SR-####"),
            ("CTR", "CR@@-##"),
            ("LEMFÖRDER", "##### ##"),
            ("TRW", "JAR####"),
            ("FEBI", "#####"),
            ("Fenox", "SP4####"),
            ("LYNXauto", "C3####"),
            ("Meyle", "### ### ####"),
        ],
        oem: ["423 810", "57724", "45503", "3003010"],
    },
    Kind {
        category: ("Подвеска и рулевое", "Пружины"),
        weight: 2,
        fit: NAMED,
        price: (1200, 3500),
        stock: 1,
        look: coil_spring,
        makers: &[
            ("KYB", "R@####"),
            ("Lesjöfors", "4######"),
            ("SACHS", "99# ###"),
            ("Monroe", "SP####"),
            ("Технорессор", "ТР-#####"),
            ("LYNXauto", "LS-####"),
        ],
        oem: ["411 105", "54630", "48131", "2902712"],
    },
    Kind {
        category: ("Подвеска и рулевое", "Стойки стабилизатора"),
        weight: 4,
        fit: NAMED,
        price: (350, 1500),
        stock: 2,
        look: stabiliser_link,
        makers: &[
            ("CTR", "CL@@-##"),
            ("555", "SL-####"),
            ("LEMFÖRDER", "##### ##"),
            ("TRW", "JTS####"),
            ("FEBI", "#####"),
            ("Fenox", "SS1####"),
            ("LYNXauto", "C4####"),
            ("Trialli", "RT ####"),
            ("SWAG", "## ## ####"),
            ("Meyle", "### ### ####"),
        ],
        oem: ["411 315", "54830", "48820", "2906060"],
    },
    Kind {
        category: ("Подвеска и рулевое", "Подшипники ступиц"),
        weight: 3,
        fit: NAMED,
        price: (1500, 5500),
        stock: 1,
        look: hub_bearing,
        makers: &[
            ("SKF", "VKBA ####"),
            ("SNR", "R###.##"),
            ("FAG", "713 6## ###"),
            ("Fenox", "WKB####"),
            ("LYNXauto", "WB-####"),
            ("Trialli", "WB ####"),
            ("FEBI", "#####"),
        ],
        oem: ["498 625", "51720", "90369", "3103020"],
    },
    Kind {
        category: ("Двигатель", "Свечи зажигания"),
        weight: 5,
        fit: Fit::Car(40),
        price: (190, 330),
        stock: 8,
        look: spark_plug,
        makers: &[
            ("NGK", "BKR#E-##|ZFR#@-##|ILKAR#@##"),
            ("Denso", "K##PR-U##|Q##PR-U##"),
            ("BOSCH", "0 242 2## ###"),
            ("Champion", "OE###/T##"),
            ("BRISK", "DR##@C-#"),
        ],
        oem: ["905 601", "18855", "90919", "3707010"],
    },
    Kind {
        category: ("Двигатель", "Ремни и ролики"),
        weight: 4,
        fit: Fit::Car(60),
        price: (350, 1200),
        stock: 2,
        look: ribbed_belt,
        makers: &[
            ("GATES", "%PK%###"),
            ("ContiTech", "%PK%###"),
            ("Dayco", "%PK%###"),
            ("BOSCH", "1 987 94# ###"),
            ("LYNXauto", "%PK%###L"),
            ("FEBI", "#####"),
            ("SKF", "VKMV %PK%###"),
        ],
        oem: ["260 849", "25212", "90916", "1041020"],
    },
    Kind {
        category: ("Двигатель", "Ремни и ролики"),
        weight: 3,
        fit: NAMED,
        price: (2800, 9000),
        stock: 1,
        look: timing_kit,
        makers: &[
            ("GATES", "K0#####XS|K01####"),
            ("ContiTech", "CT####K#"),
            ("INA", "530 0### 10"),
            ("SKF", "VKMA 0####"),
            ("Dayco", "KTB####"),
            ("BOSCH", "1 987 94# ###"),
            ("LYNXauto", "LK-####"),
        ],
        oem: ["198 119", "24312", "13568", "1006040"],
    },
    Kind {
        category: ("Двигатель", "Ремни и ролики"),
        weight: 2,
        fit: NAMED,
        price: (700, 2800),
        stock: 1,
        look: belt_roller,
        makers: &[
            ("INA", "531 0### 10"),
            ("SKF", "VKM #####"),
            ("GATES", "T4####"),
            ("Dayco", "ATB####"),
            ("LYNXauto", "PB-####"),
            ("Fenox", "R1####"),
            ("SNR", "GT###.##"),
            ("FEBI", "#####"),
        ],
        oem: ["109 243", "24410", "13505", "1006120"],
    },
    Kind {
        category: ("Двигатель", "Ремни и ролики"),
        weight: 1,
        fit: NAMED,
        price: (2500, 8000),
        stock: 0,
        look: crank_pulley,
        makers: &[
            ("LUK", "602 0### 00"),
            ("INA", "544 0### 10"),
            ("Corteco", "80#####"),
            ("FEBI", "#####"),
            ("GATES", "TVD####"),
        ],
        oem: ["105 243", "23124", "13470", "1005058"],
    },
    Kind {
        category: ("Двигатель", "Помпы"),
        weight: 3,
        fit: NAMED,
        price: (1500, 5500),
        stock: 1,
        look: water_pump,
        makers: &[
            ("GATES", "WP####"),
            ("SKF", "VKPC #####"),
            ("Hepu", "P####"),
            ("LUZAR", "LWP ####"),
            ("Fenox", "HB####"),
            ("Valeo", "506####"),
            ("Trialli", "WP ####"),
            ("LYNXauto", "PW-####"),
            ("Dayco", "DP####"),
        ],
        oem: ["121 011", "25100", "16100", "1307010"],
    },
    Kind {
        category: ("Двигатель", "Прокладки и сальники"),
        weight: 2,
        fit: NAMED,
        price: (250, 1200),
        stock: 1,
        look: gasket,
        makers: &[
            ("Elring", "###.###"),
            ("Victor Reinz", "71-#####-00"),
            ("Ajusa", "11######"),
            ("Payen", "JM####"),
            ("Corteco", "44####P"),
            ("FEBI", "#####"),
            ("БРТ", "####-#######Р"),
        ],
        oem: ["103 483", "22441", "11213", "1003270"],
    },
    Kind {
        category: ("Двигатель", "Прокладки и сальники"),
        weight: 2,
        fit: NAMED,
        price: (150, 600),
        stock: 2,
        look: oil_seal,
        makers: &[
            ("Elring", "###.###"),
            ("Victor Reinz", "81-#####-00"),
            ("Corteco", "12######B"),
            ("Payen", "NA####"),
            ("FEBI", "#####"),
            ("БРТ", "####-#######Р"),
            ("SWAG", "## ## ####"),
        ],
        oem: ["103 085", "21421", "90311", "1005034"],
    },
    Kind {
        category: ("Двигатель", "Датчики"),
        weight: 2,
        fit: NAMED,
        price: (2500, 7500),
        stock: 1,
        look: oxygen_sensor,
        makers: &[
            ("BOSCH", "0 258 0## ###"),
            ("Denso", "DOX-####"),
            ("NGK", "OZA###-@@#"),
            ("FAE", "7####"),
            ("Hella", "6PA 009 ###-##"),
        ],
        oem: ["906 262", "39210", "89465", "1130010"],
    },
    Kind {
        category: ("Двигатель", "Датчики"),
        weight: 2,
        fit: NAMED,
        price: (300, 1200),
        stock: 1,
        look: coolant_sensor,
        makers: &[
            ("BOSCH", "0 280 13# ###"),
            ("FAE", "3####"),
            ("Hella", "6PT 009 ###-##"),
            ("FEBI", "#####"),
            ("СОАТЭ", "ДТ-#####"),
        ],
        oem: ["919 501", "39220", "89422", "3828010"],
    },
    Kind {
        category: ("Масла и технические жидкости", "Моторные масла"),
        weight: 6,
        fit: Fit::Spec,
        price: (1900, 4300),
        stock: 6,
        look: engine_oil,
        makers: ENGINE_OILS,
        oem: [
            "G 05# ### M#",
            "0510#-00###",
            "08880-#####",
            "88888-R0###-###",
        ],
    },
    Kind {
        category: ("Масла и технические жидкости", "Трансмиссионные масла"),
        weight: 3,
        fit: Fit::Spec,
        price: (450, 1400),
        stock: 4,
        look: gear_oil,
        makers: &[
            ("Shell", "550######"),
            ("Лукойл", "#######"),
            ("MOTUL", "1#####"),
            ("Castrol", "15@#@#"),
            ("ZIC", "1#####"),
            ("TOTAL", "2#####"),
            ("Liqui Moly", "#####"),
            ("Sintec", "8#####"),
            ("Mobil", "15####"),
            ("Роснефть", "40#####"),
        ],
        oem: [
            "G 05# 5## A#",
            "0430#-00###",
            "08885-#####",
            "88888-R1###-###",
        ],
    },
    Kind {
        category: ("Масла и технические жидкости", "Антифризы"),
        weight: 3,
        fit: Fit::Spec,
        price: (550, 1500),
        stock: 4,
        look: antifreeze,
        makers: &[
            ("Felix", "4302#####"),
            ("Sintec", "8#####"),
            ("Coolstream", "CS-0#####"),
            ("Лукойл", "#######"),
            ("TOTAL", "2#####"),
            ("Liqui Moly", "#####"),
            ("G-Energy", "253######"),
            ("Лавр", "Ln####"),
        ],
        oem: [
            "G 01# ### A#",
            "0710#-00###",
            "08889-#####",
            "88888-R2###-###",
        ],
    },
    Kind {
        category: ("Масла и технические жидкости", "Тормозные жидкости"),
        weight: 2,
        fit: Fit::Spec,
        price: (300, 800),
        stock: 6,
        look: brake_fluid,
        makers: &[
            ("ATE", "03.9901-####.2"),
            ("BOSCH", "1 987 47# ###"),
            ("ROSDOT", "4301##H##"),
            ("TRW", "PFB####"),
            ("Castrol", "15@#@#"),
            ("MOTUL", "1#####"),
            ("Liqui Moly", "#####"),
            ("Felix", "4302#####"),
            ("Sintec", "8#####"),
        ],
        oem: [
            "B 000 7## M#",
            "0110#-00###",
            "08823-#####",
            "88888-R3###-###",
        ],
    },
    Kind {
        category: ("Масла и технические жидкости", "Прочие жидкости"),
        weight: 2,
        fit: Fit::Spec,
        price: (250, 900),
        stock: 10,
        look: other_fluid,
        makers: &[
            ("Sintec", "8#####"),
            ("Felix", "4302#####"),
            ("Liqui Moly", "#####"),
            ("Лавр", "Ln####"),
            ("Kerry", "KR-####"),
            ("Coolstream", "CS-0#####"),
            ("Grass", "1#####"),
        ],
        oem: [
            "G 052 1## A#",
            "0420#-00###",
            "08869-#####",
            "88888-R4###-###",
        ],
    },
    Kind {
        category: ("Электрика", "Лампы"),
        weight: 4,
        fit: Fit::Spec,
        price: (180, 450),
        stock: 6,
        look: lamp,
        makers: &[
            ("Osram", "64###@@|66###@@"),
            ("Philips", "12###@@C1"),
            ("BOSCH", "1 987 30# ###"),
            ("Narva", "4####"),
            ("MTF Light", "HS#####"),
            ("Маяк", "8####"),
        ],
        oem: [
            "N 10# ### ##",
            "18647-#####",
            "90981-#####",
            "88888-R5###-###",
        ],
    },
    Kind {
        category: ("Электрика", "Аккумуляторы"),
        weight: 2,
        fit: Fit::Spec,
        price: (4700, 7400),
        stock: 2,
        look: battery,
        makers: &[
            ("Varta", "5## ### ###"),
            ("Тюмень", "6СТ-###-####"),
            ("BOSCH", "0 092 S4# ###"),
            ("Аком", "АК-#####"),
            ("Exide", "EB####"),
            ("Topla", "1#####"),
        ],
        oem: [
            "000 915 1## @",
            "37110-#####",
            "28800-#####",
            "88888-R6###-###",
        ],
    },
    Kind {
        category: ("Электрика", "Предохранители и реле"),
        weight: 2,
        fit: Fit::Spec,
        price: (90, 350),
        stock: 5,
        look: fuse_or_relay,
        makers: &[
            ("BOSCH", "0 332 01# ###"),
            ("Hella", "4RA 9## ###-0##"),
            ("FEBI", "#####"),
            ("STARTVOLT", "VR #####"),
            ("ПЭКА", "ПК-#####"),
        ],
        oem: [
            "N 01# ### ##",
            "18980-#####",
            "90987-#####",
            "88888-R7###-###",
        ],
    },
    Kind {
        category: ("Электрика", "Щётки стеклоочистителя"),
        weight: 3,
        fit: Fit::Spec,
        price: (300, 900),
        stock: 4,
        look: wiper,
        makers: &[
            ("BOSCH", "3 397 00# ###|3 397 118 ###"),
            ("Valeo", "57####"),
            ("Denso", "DF-####|DU-####L"),
            ("Alca", "######"),
            ("Avantech", "AUF####"),
            ("LYNXauto", "LW####"),
        ],
        oem: [
            "#@# 998 0## @",
            "98350-#####",
            "85222-#####",
            "88888-R8###-###",
        ],
    },
    Kind {
        category: ("Расходники", "Крепёж"),
        weight: 2,
        fit: Fit::Spec,
        price: (25, 150),
        stock: 20,
        look: fastener,
        makers: &[
            ("FEBI", "#####"),
            ("SWAG", "## ## ####"),
            ("Würth", "0### ### ##"),
            ("Meyle", "### ### ####"),
            ("LYNXauto", "LM-####"),
        ],
        oem: [
            "N 9## ### ##",
            "52950-#####",
            "90942-#####",
            "88888-R9###-###",
        ],
    },
    Kind {
        category: ("Расходники", "Хомуты"),
        weight: 2,
        fit: Fit::Spec,
        price: (30, 180),
        stock: 20,
        look: hose_clamp,
        makers: &[
            ("NORMA", "NG-#####"),
            ("MIKALOR", "MK-#####"),
            ("FEBI", "#####"),
            ("SWAG", "## ## ####"),
            ("ABRO", "@@-###-R"),
        ],
        oem: [
            "N 02# ### ##",
            "14720-#####",
            "90467-#####",
            "88888-S0###-###",
        ],
    },
    Kind {
        category: ("Расходники", "Химия и очистители"),
        weight: 3,
        fit: Fit::Spec,
        price: (220, 700),
        stock: 6,
        look: chemistry,
        makers: &[
            ("Liqui Moly", "#####"),
            ("Лавр", "Ln####"),
            ("Kerry", "KR-####"),
            ("ABRO", "@@-###-R"),
            ("Runway", "RW####"),
            ("ВМПАВТО", "1####"),
        ],
        oem: [
            "D 1## ### @#",
            "00232-#####",
            "08826-#####",
            "88888-S1###-###",
        ],
    },
    Kind {
        category: ("Расходники", "Смазки"),
        weight: 2,
        fit: Fit::Spec,
        price: (150, 600),
        stock: 3,
        look: grease,
        makers: &[
            ("ВМПАВТО", "1####"),
            ("Liqui Moly", "#####"),
            ("OILRIGHT", "6####"),
            ("Лавр", "Ln####"),
            ("Kerry", "KR-####"),
            ("Felix", "4302#####"),
        ],
        oem: [
            "G 000 1## @#",
            "00233-#####",
            "08887-#####",
            "88888-S2###-###",
        ],
    },
];

// ---------------------------------------------------------------------------
// The catalogue

/// How many aftermarket brands make one application: mostly 3–5, sometimes 6,
/// so that a part has about three cross numbers on average.
const FAMILY_SIZES: &[usize] = &[3, 3, 3, 3, 3, 4, 4, 4, 5, 6];
/// How often (per cent) the car maker's own part is on the shelf too.
const GENUINE_PCT: u64 = 30;
/// How often (per cent) a part has a barcode on its box.
const BARCODE_PCT: u64 = 70;
/// From this sale price (kopecks) prices are rounded to 10 rubles.
const ROUND_TO_TEN_FROM: i64 = 300_000;

/// One application made by several brands; its parts are emitted one after
/// another, so the analogues of a part are always its neighbours.
struct Family {
    kind: &'static Kind,
    name: String,
    unit: PartUnit,
    attributes: Vec<(&'static str, String)>,
    oem: Vec<(&'static str, String)>,
    /// (brand, article); the car maker's own part, if any, comes first.
    members: Vec<(&'static str, String)>,
    /// The first member is the car maker's own part: its article is the first
    /// OEM number, so the other parts list it among `oem`, not `cross`.
    genuine: bool,
    /// Reference purchase price of an average brand, kopecks.
    base_kopecks: i64,
    /// The purchase price range for this family's spec, kopecks.
    bounds: (i64, i64),
    /// Kept in stock by most shops.
    popular: bool,
}

/// Deterministic endless stream of parts: the same seed always gives the same sequence.
pub struct PartsCatalogue {
    dice: Dice,
    /// Keys the permutations of numbers: another seed, other articles.
    key: u64,
    /// The next serial of each (brand or car maker, number pattern). Numbers
    /// are a permutation of the serial, so they never repeat.
    serials: HashMap<(&'static str, String), u64>,
    pending: VecDeque<PartSeed>,
}

impl PartsCatalogue {
    pub fn new(seed: u64) -> PartsCatalogue {
        let mut dice = Dice::new(seed);
        let key = dice.roll();
        PartsCatalogue {
            dice,
            key,
            serials: HashMap::new(),
            pending: VecDeque::new(),
        }
    }

    pub fn next_part(&mut self) -> PartSeed {
        loop {
            if let Some(part) = self.pending.pop_front() {
                return part;
            }
            let family = self.family();
            for member in 0..family.members.len() {
                let part = self.part(&family, member);
                self.pending.push_back(part);
            }
        }
    }

    /// A fresh number of `pattern` for `owner`. The serial is permuted within
    /// the pattern's space; a serial beyond it gets an overflow suffix, so the
    /// (owner, number) pair is unique for any length of stream.
    fn number(&mut self, owner: &'static str, pattern: &str) -> String {
        let slot = self.serials.entry((owner, pattern.to_owned())).or_insert(0);
        let serial = *slot;
        *slot += 1;
        let size = pattern_size(pattern);
        let x = permute(serial % size, size, self.key ^ pattern_key(owner, pattern));
        let text = fill(pattern, x);
        match serial / size {
            0 => text,
            round => format!("{text}{OVERFLOW_MARK}{round}"),
        }
    }

    fn family(&mut self) -> Family {
        let kind = self.dice.weighted(KINDS, |k| k.weight);
        let app = match kind.fit {
            Fit::Car(_) => Some(self.dice.weighted(APPS, |a| a.weight)),
            Fit::Spec => None,
        };
        let look = (kind.look)(&mut self.dice);
        let name = match (kind.fit, app) {
            (Fit::Car(pct), Some(app)) if self.dice.percent(pct) => {
                format!("{} {}", look.name, app.name)
            }
            _ => look.name,
        };
        let mut attributes = look.attributes;
        if let Some(app) = app {
            attributes.push(attr("Применяемость", app.name));
        }
        let oem = self.oem_numbers(kind, app);
        let mut members = Vec::new();
        let genuine_part = oem
            .first()
            .filter(|_| app.is_some() && self.dice.percent(GENUINE_PCT))
            .map(|(maker, number)| (genuine_brand(maker), number.clone()));
        let genuine = genuine_part.is_some();
        members.extend(genuine_part);
        for (brand, patterns) in self.brands_of(kind) {
            let pattern = self.dice.pick(&patterns.split('|').collect::<Vec<_>>());
            let article = self.number(brand, pattern);
            members.push((brand, article));
        }
        let (lo, hi) = kind.price;
        let scale = |rubles: i64| rubles * 100 * look.price_pct / 100;
        let mid = (self.dice.range(lo, hi) + self.dice.range(lo, hi)) / 2;
        let app_pct = app.map_or(100, |a| a.price_pct);
        Family {
            kind,
            name,
            unit: look.unit,
            attributes,
            oem,
            members,
            genuine,
            base_kopecks: scale(mid) * app_pct / 100,
            bounds: (scale(lo), scale(hi)),
            popular: app.is_none_or(|a| a.weight >= POPULAR_WEIGHT),
        }
    }

    /// 3–6 different brands of the kind, in random order.
    fn brands_of(&mut self, kind: &Kind) -> Vec<(&'static str, &'static str)> {
        let mut makers = kind.makers.to_vec();
        let count = self.dice.pick(FAMILY_SIZES).min(makers.len());
        for i in 0..count {
            let j = i + self.dice.index(makers.len() - i);
            makers.swap(i, j);
        }
        makers.truncate(count);
        makers
    }

    /// One or two numbers of the car maker (a part and its supersession).
    fn oem_numbers(&mut self, kind: &Kind, app: Option<&App>) -> Vec<(&'static str, String)> {
        let (maker, model) = match app {
            Some(app) => (app.maker, app.model),
            None => (self.dice.pick(SPEC_OEM_MAKERS), LADA_DEFAULT_MODEL),
        };
        let pattern = oem_pattern(maker, kind, model);
        let count = if self.dice.percent(35) { 2 } else { 1 };
        (0..count)
            .map(|_| (maker, self.number(maker, &pattern)))
            .collect()
    }

    fn part(&mut self, family: &Family, member: usize) -> PartSeed {
        let (brand, article) = family.members[member].clone();
        let cross = family
            .members
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != member && !(family.genuine && i == 0))
            .map(|(_, m)| m.clone())
            .collect();
        let (purchase_kopecks, sale_kopecks) = self.prices(family, brand);
        let barcode = self
            .dice
            .percent(BARCODE_PCT)
            .then(|| ean13(brand_info(brand).0, &mut self.dice));
        PartSeed {
            name: family.name.clone(),
            article,
            brand,
            category: family.kind.category,
            unit: family.unit,
            attributes: family.attributes.clone(),
            oem: family.oem.clone(),
            cross,
            barcode,
            purchase_kopecks,
            sale_kopecks,
            min_stock_milli: self.min_stock(family),
        }
    }

    /// The brand's price level around the family's price, kept within the
    /// kind's range; the sale price is a 25–60 % markup rounded up.
    fn prices(&mut self, family: &Family, brand: &str) -> (i64, i64) {
        let level = brand_info(brand).1;
        let jitter = self.dice.range(90, 110);
        let (lo, hi) = family.bounds;
        let purchase =
            (family.base_kopecks * level / 100 * jitter / 100).clamp(lo.max(1), hi.max(1));
        let raw = purchase * (100 + self.dice.range(25, 60)) / 100;
        let step = if raw >= ROUND_TO_TEN_FROM { 1000 } else { 100 };
        let sale = (raw + step - 1) / step * step;
        (purchase, sale.max(purchase + step))
    }

    /// Popular items are kept in stock, a spare or two of the rest at most;
    /// liquids from a barrel are kept by tens of litres.
    fn min_stock(&mut self, family: &Family) -> i64 {
        let rarely_kept = if family.popular { 20 } else { 65 };
        if self.dice.percent(rarely_kept) {
            return 0;
        }
        let d = &mut self.dice;
        match family.unit {
            PartUnit::Litre => 10_000 * d.range(2, 6),
            PartUnit::Kilogram => 1000 * d.range(2, 5),
            PartUnit::Metre => 5000 * d.range(2, 4),
            PartUnit::Piece | PartUnit::Set => 1000 * family.kind.stock * d.range(1, 2),
        }
    }
}

impl Iterator for PartsCatalogue {
    type Item = PartSeed;

    fn next(&mut self) -> Option<PartSeed> {
        Some(self.next_part())
    }
}

/// The first `count` parts of the catalogue for `seed`.
pub fn demo_parts(count: usize, seed: u64) -> Vec<PartSeed> {
    PartsCatalogue::new(seed).take(count).collect()
}

/// An EAN-13: the brand's country prefix, random digits, a correct check digit.
fn ean13(prefix: &str, dice: &mut Dice) -> String {
    let mut digits: Vec<u32> = prefix.chars().filter_map(|c| c.to_digit(10)).collect();
    while digits.len() < 12 {
        digits.push(u32::try_from(dice.below(10)).unwrap_or(0));
    }
    digits.truncate(12);
    digits.push(ean_check_digit(&digits));
    digits
        .iter()
        .map(|&d| char::from_digit(d, 10).unwrap_or('0'))
        .collect()
}

/// The EAN-13 check digit of the first 12 digits: weights 1, 3, 1, 3...
fn ean_check_digit(digits: &[u32]) -> u32 {
    let sum: u32 = digits
        .iter()
        .take(12)
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { *d } else { d * 3 })
        .sum();
    (10 - sum % 10) % 10
}

// ---------------------------------------------------------------------------
// Services

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSeed {
    /// Unique short code, e.g. "ДИАГ-01", "ТО-01", "ДВС-05", "ШМ-03".
    pub code: &'static str,
    pub name: &'static str,
    /// One of [`SERVICE_CATEGORIES`].
    pub category: &'static str,
    /// Standard hours (нормо-часы) in thousandths: 0.5 h = 500.
    pub hours_milli: i64,
    /// A fixed price for services sold at a flat rate (tyre fitting,
    /// diagnostics); `None` = hours × the shop's hourly rate.
    pub fixed_price_kopecks: Option<i64>,
    /// Default duration for scheduling, minutes, a multiple of 15, >= 15.
    pub duration_minutes: u32,
}

pub const SERVICE_CATEGORIES: &[&str] = &[
    "Диагностика",
    "Техническое обслуживание",
    "Двигатель",
    "Подвеска и рулевое",
    "Тормозная система",
    "Трансмиссия",
    "Электрика",
    "Шиномонтаж",
    "Кондиционер",
    "Кузовной ремонт",
];

/// A service billed by standard hours.
const fn hourly(
    code: &'static str,
    name: &'static str,
    category: &'static str,
    hours_milli: i64,
    duration_minutes: u32,
) -> ServiceSeed {
    ServiceSeed {
        code,
        name,
        category,
        hours_milli,
        fixed_price_kopecks: None,
        duration_minutes,
    }
}

/// A service sold at a flat price (rubles); the hours still pay the mechanic.
const fn flat(
    code: &'static str,
    name: &'static str,
    category: &'static str,
    hours_milli: i64,
    rubles: i64,
    duration_minutes: u32,
) -> ServiceSeed {
    ServiceSeed {
        code,
        name,
        category,
        hours_milli,
        fixed_price_kopecks: Some(rubles * 100),
        duration_minutes,
    }
}

const DIAG: &str = "Диагностика";
const SERVICE: &str = "Техническое обслуживание";
const ENGINE: &str = "Двигатель";
const CHASSIS: &str = "Подвеска и рулевое";
const BRAKES: &str = "Тормозная система";
const GEARBOX: &str = "Трансмиссия";
const ELECTRIC: &str = "Электрика";
const TYRES: &str = "Шиномонтаж";
const AIRCON: &str = "Кондиционер";
const BODY: &str = "Кузовной ремонт";

/// A typical price list of a Moscow-region shop in 2026.
const SERVICES: &[ServiceSeed] = &[
    flat("ДИАГ-01", "Компьютерная диагностика", DIAG, 500, 1500, 30),
    flat("ДИАГ-02", "Диагностика подвески", DIAG, 500, 1000, 30),
    flat(
        "ДИАГ-03",
        "Диагностика тормозной системы",
        DIAG,
        500,
        1000,
        30,
    ),
    flat(
        "ДИАГ-04",
        "Проверка автомобиля перед покупкой",
        DIAG,
        1500,
        4500,
        90,
    ),
    flat("ДИАГ-05", "Эндоскопия цилиндров", DIAG, 1000, 2500, 60),
    flat(
        "ДИАГ-06",
        "Проверка аккумулятора и генератора",
        DIAG,
        250,
        500,
        15,
    ),
    hourly(
        "ДИАГ-07",
        "Поиск неисправности электрооборудования",
        DIAG,
        1000,
        60,
    ),
    hourly("ТО-01", "Замена масла в двигателе", SERVICE, 500, 30),
    hourly("ТО-02", "Замена масляного фильтра", SERVICE, 200, 15),
    hourly("ТО-03", "Замена воздушного фильтра", SERVICE, 200, 15),
    hourly("ТО-04", "Замена салонного фильтра", SERVICE, 300, 30),
    hourly("ТО-05", "Замена топливного фильтра", SERVICE, 700, 45),
    hourly("ТО-06", "Замена свечей зажигания (4 шт)", SERVICE, 700, 45),
    hourly("ТО-07", "Замена тормозной жидкости", SERVICE, 1000, 60),
    hourly("ТО-08", "Замена охлаждающей жидкости", SERVICE, 1000, 60),
    flat(
        "ТО-09",
        "Замена щёток стеклоочистителя",
        SERVICE,
        100,
        300,
        15,
    ),
    hourly(
        "ТО-10",
        "Осмотр автомобиля по регламенту ТО",
        SERVICE,
        500,
        30,
    ),
    hourly("ДВС-01", "Замена ремня ГРМ", ENGINE, 3000, 240),
    hourly("ДВС-02", "Замена ремня ГРМ с помпой", ENGINE, 3500, 270),
    hourly("ДВС-03", "Замена ремня генератора", ENGINE, 500, 45),
    hourly("ДВС-04", "Замена помпы", ENGINE, 2000, 150),
    hourly(
        "ДВС-05",
        "Замена прокладки клапанной крышки",
        ENGINE,
        1000,
        75,
    ),
    hourly(
        "ДВС-06",
        "Замена переднего сальника коленвала",
        ENGINE,
        1500,
        120,
    ),
    hourly("ДВС-07", "Замена цепи ГРМ", ENGINE, 6000, 480),
    hourly("ДВС-08", "Замена прокладки ГБЦ", ENGINE, 8000, 600),
    hourly("ДВС-09", "Замена датчика кислорода", ENGINE, 500, 30),
    hourly("ДВС-10", "Замена термостата", ENGINE, 1000, 75),
    hourly("ДВС-11", "Чистка дроссельной заслонки", ENGINE, 500, 45),
    hourly("ДВС-12", "Замена катушки зажигания", ENGINE, 300, 30),
    hourly("ДВС-13", "Замена опоры двигателя", ENGINE, 1500, 120),
    hourly(
        "ПОД-01",
        "Замена переднего амортизатора (1 шт)",
        CHASSIS,
        1500,
        90,
    ),
    hourly(
        "ПОД-02",
        "Замена заднего амортизатора (1 шт)",
        CHASSIS,
        1000,
        60,
    ),
    hourly(
        "ПОД-03",
        "Замена рычага передней подвески",
        CHASSIS,
        1000,
        75,
    ),
    hourly("ПОД-04", "Замена сайлентблоков рычага", CHASSIS, 1500, 120),
    hourly("ПОД-05", "Замена шаровой опоры", CHASSIS, 800, 60),
    hourly("ПОД-06", "Замена рулевого наконечника", CHASSIS, 500, 45),
    hourly("ПОД-07", "Замена рулевой тяги", CHASSIS, 800, 60),
    hourly("ПОД-08", "Замена стойки стабилизатора", CHASSIS, 400, 30),
    hourly("ПОД-09", "Замена подшипника ступицы", CHASSIS, 1500, 120),
    hourly("ПОД-10", "Замена пружины подвески", CHASSIS, 1200, 90),
    flat("ПОД-11", "Развал-схождение", CHASSIS, 1000, 2500, 60),
    hourly(
        "ТОРМ-01",
        "Замена передних тормозных колодок",
        BRAKES,
        800,
        60,
    ),
    hourly(
        "ТОРМ-02",
        "Замена задних тормозных колодок",
        BRAKES,
        1000,
        60,
    ),
    hourly(
        "ТОРМ-03",
        "Замена передних тормозных дисков и колодок",
        BRAKES,
        1500,
        90,
    ),
    hourly(
        "ТОРМ-04",
        "Замена задних тормозных барабанов",
        BRAKES,
        1500,
        90,
    ),
    hourly("ТОРМ-05", "Замена тормозного шланга", BRAKES, 700, 45),
    hourly("ТОРМ-06", "Прокачка тормозной системы", BRAKES, 700, 45),
    hourly(
        "ТОРМ-07",
        "Замена троса стояночного тормоза",
        BRAKES,
        1200,
        90,
    ),
    hourly(
        "ТОРМ-08",
        "Обслуживание суппортов (1 ось)",
        BRAKES,
        1200,
        90,
    ),
    flat(
        "ТОРМ-09",
        "Проточка тормозных дисков (1 ось)",
        BRAKES,
        1000,
        3000,
        60,
    ),
    hourly("КПП-01", "Замена масла в МКПП", GEARBOX, 600, 45),
    hourly("КПП-02", "Частичная замена масла в АКПП", GEARBOX, 800, 60),
    flat(
        "КПП-03",
        "Аппаратная замена масла в АКПП",
        GEARBOX,
        1500,
        6500,
        120,
    ),
    hourly("КПП-04", "Замена сцепления", GEARBOX, 4000, 300),
    hourly("КПП-05", "Замена пыльника ШРУС", GEARBOX, 1500, 90),
    hourly("КПП-06", "Замена наружного ШРУС", GEARBOX, 1500, 90),
    hourly("КПП-07", "Замена масла в вариаторе", GEARBOX, 1000, 60),
    flat("ЭЛ-01", "Замена аккумулятора", ELECTRIC, 300, 500, 15),
    flat("ЭЛ-02", "Зарядка аккумулятора", ELECTRIC, 250, 800, 30),
    flat("ЭЛ-03", "Замена лампы фары (1 шт)", ELECTRIC, 200, 400, 15),
    hourly("ЭЛ-04", "Замена генератора", ELECTRIC, 1500, 120),
    hourly("ЭЛ-05", "Замена стартера", ELECTRIC, 1500, 120),
    flat("ЭЛ-06", "Регулировка света фар", ELECTRIC, 300, 800, 30),
    hourly("ЭЛ-07", "Установка сигнализации", ELECTRIC, 4000, 300),
    flat(
        "ЭЛ-08",
        "Замена предохранителя или реле",
        ELECTRIC,
        200,
        300,
        15,
    ),
    flat(
        "ШМ-01",
        "Шиномонтаж R13–R14 (4 колеса)",
        TYRES,
        750,
        2400,
        45,
    ),
    flat("ШМ-02", "Шиномонтаж R15 (4 колеса)", TYRES, 750, 2800, 45),
    flat("ШМ-03", "Шиномонтаж R16 (4 колеса)", TYRES, 1000, 3200, 60),
    flat(
        "ШМ-04",
        "Шиномонтаж R17–R18 (4 колеса)",
        TYRES,
        1000,
        3800,
        60,
    ),
    flat(
        "ШМ-05",
        "Шиномонтаж R19–R20, внедорожник (4 колеса)",
        TYRES,
        1250,
        5200,
        75,
    ),
    flat("ШМ-06", "Балансировка колеса (1 шт)", TYRES, 150, 400, 15),
    flat("ШМ-07", "Ремонт прокола жгутом", TYRES, 250, 600, 30),
    flat(
        "ШМ-08",
        "Снятие и установка колеса (1 шт)",
        TYRES,
        100,
        200,
        15,
    ),
    flat(
        "ШМ-09",
        "Сезонное хранение шин (комплект)",
        TYRES,
        100,
        4000,
        15,
    ),
    flat("КОНД-01", "Заправка кондиционера", AIRCON, 1000, 3500, 60),
    flat(
        "КОНД-02",
        "Антибактериальная обработка кондиционера",
        AIRCON,
        500,
        2000,
        30,
    ),
    flat(
        "КОНД-03",
        "Поиск утечки фреона с УФ-красителем",
        AIRCON,
        750,
        1800,
        45,
    ),
    hourly(
        "КОНД-04",
        "Замена радиатора кондиционера",
        AIRCON,
        2500,
        180,
    ),
    hourly(
        "КОНД-05",
        "Замена компрессора кондиционера",
        AIRCON,
        3000,
        240,
    ),
    flat("КУЗ-01", "Покраска элемента кузова", BODY, 6000, 12000, 480),
    flat(
        "КУЗ-02",
        "Локальный ремонт сколов и царапин",
        BODY,
        1500,
        3500,
        120,
    ),
    flat(
        "КУЗ-03",
        "Удаление вмятин без покраски",
        BODY,
        1000,
        3000,
        60,
    ),
    flat("КУЗ-04", "Полировка кузова", BODY, 4000, 9000, 240),
    hourly("КУЗ-05", "Снятие и установка бампера", BODY, 1000, 60),
    flat(
        "КУЗ-06",
        "Антикоррозийная обработка днища",
        BODY,
        4000,
        12000,
        300,
    ),
];

/// About 85 realistic services across all [`SERVICE_CATEGORIES`].
pub fn demo_services() -> Vec<ServiceSeed> {
    SERVICES.to_vec()
}

// ---------------------------------------------------------------------------
// Packages

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageSeed {
    pub code: &'static str,
    pub name: &'static str,
    /// Service codes from [`demo_services`].
    pub services: Vec<&'static str>,
    /// Parts it usually consumes, by (top category, sub category) of
    /// [`CATEGORY_TREE`] and quantity in thousandths (4 l of oil = 4000 with
    /// a Litre part; 1 filter = 1000).
    pub parts: Vec<((&'static str, &'static str), i64)>,
}

const OIL: (&str, &str) = ("Масла и технические жидкости", "Моторные масла");
const OIL_FILTER: (&str, &str) = ("Фильтры", "Масляные");

/// The jobs the desk sells as one line: routine services, the season's tyre
/// change, the usual brake and timing-belt jobs.
pub fn demo_packages() -> Vec<PackageSeed> {
    vec![
        PackageSeed {
            code: "ТО-1",
            name: "ТО-1: замена масла и масляного фильтра",
            services: vec!["ТО-01", "ТО-02", "ТО-10"],
            parts: vec![(OIL, 4000), (OIL_FILTER, 1000)],
        },
        PackageSeed {
            code: "ТО-2",
            name: "ТО-2: масло, фильтры и свечи зажигания",
            services: vec!["ТО-01", "ТО-02", "ТО-03", "ТО-04", "ТО-06", "ТО-10"],
            parts: vec![
                (OIL, 4000),
                (OIL_FILTER, 1000),
                (("Фильтры", "Воздушные"), 1000),
                (("Фильтры", "Салонные"), 1000),
                (("Двигатель", "Свечи зажигания"), 4000),
            ],
        },
        PackageSeed {
            code: "ШМ-СЕЗОН",
            name: "Сезонная замена шин",
            services: vec!["ШМ-02", "ШМ-09"],
            parts: Vec::new(),
        },
        PackageSeed {
            code: "ТОРМ-ПЕРЕД",
            name: "Замена тормозных колодок (перед)",
            services: vec!["ТОРМ-01", "ДИАГ-03"],
            parts: vec![
                (("Тормозная система", "Колодки"), 1000),
                (("Расходники", "Химия и очистители"), 1000),
                (("Расходники", "Смазки"), 1000),
            ],
        },
        PackageSeed {
            code: "ГРМ",
            name: "Замена ГРМ с помпой",
            services: vec!["ДВС-02", "ТО-08"],
            parts: vec![
                (("Двигатель", "Ремни и ролики"), 1000),
                (("Двигатель", "Помпы"), 1000),
                (("Масла и технические жидкости", "Антифризы"), 5000),
            ],
        },
        PackageSeed {
            code: "КОНД-ОБСЛ",
            name: "Обслуживание кондиционера: заправка, обработка, салонный фильтр",
            services: vec!["КОНД-01", "КОНД-02", "ТО-04"],
            parts: vec![(("Фильтры", "Салонные"), 1000)],
        },
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn in_tree(category: (&str, &str)) -> bool {
        CATEGORY_TREE
            .iter()
            .any(|(top, subs)| *top == category.0 && subs.contains(&category.1))
    }

    fn valid_ean13(code: &str) -> bool {
        let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
        code.len() == 13 && digits.len() == 13 && ean_check_digit(&digits[..12]) == digits[12]
    }

    #[test]
    fn same_seed_same_catalogue() {
        let first = demo_parts(500, 42);
        assert_eq!(first, demo_parts(500, 42));
        assert_ne!(first, demo_parts(500, 43));
    }

    #[test]
    fn brand_and_article_are_unique() {
        let mut seen = HashSet::with_capacity(250_000);
        for part in PartsCatalogue::new(7).take(250_000) {
            let pair = (part.brand, part.article);
            assert!(!seen.contains(&pair), "duplicate {pair:?}");
            seen.insert(pair);
        }
    }

    /// Articles of one brand come from patterns that can never print the same
    /// text, so the per-pattern serials make them unique for any stream length.
    #[test]
    fn patterns_of_a_brand_never_overlap() {
        let mut by_owner: HashMap<&str, HashSet<String>> = HashMap::new();
        for kind in KINDS {
            for (brand, patterns) in kind.makers {
                for pattern in patterns.split('|') {
                    by_owner
                        .entry(brand)
                        .or_default()
                        .insert(pattern.to_owned());
                }
            }
            let makers = APPS.iter().map(|a| (a.maker, a.model));
            let spec = SPEC_OEM_MAKERS.iter().map(|m| (*m, LADA_DEFAULT_MODEL));
            for (maker, model) in makers.chain(spec) {
                let pattern = oem_pattern(maker, kind, model);
                by_owner.entry(maker).or_default().insert(pattern);
            }
        }
        for (owner, patterns) in &by_owner {
            let patterns: Vec<&String> = patterns.iter().collect();
            for (i, a) in patterns.iter().enumerate() {
                assert!(!a.contains(OVERFLOW_MARK), "{owner}: {a}");
                assert!(pattern_size(a) >= 100, "{owner}: {a} is too small");
                for b in &patterns[i + 1..] {
                    assert!(!overlap(a, b), "{owner}: {a} and {b} can print the same");
                }
            }
        }
        // The car makers' own brands are never used by aftermarket makers.
        for app in APPS {
            let genuine = genuine_brand(app.maker);
            assert!(
                KINDS
                    .iter()
                    .all(|k| k.makers.iter().all(|(b, _)| *b != genuine))
            );
        }
    }

    /// Whether some text matches both patterns.
    fn overlap(a: &str, b: &str) -> bool {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        a.len() == b.len() && a.iter().zip(&b).all(|(&x, &y)| can_meet(x, y))
    }

    fn can_meet(x: char, y: char) -> bool {
        let prints = |slot: char, c: char| match slot {
            '#' => c.is_ascii_digit() || matches!(c, '#' | '%'),
            '%' => matches!(c, '1'..='9' | '#' | '%'),
            '@' => c == '@' || (c.is_ascii() && LETTERS.contains(&(c as u8))),
            _ => false,
        };
        x == y || prints(x, y) || prints(y, x)
    }

    #[test]
    fn permutation_is_a_bijection() {
        for size in [1, 2, 10, 23, 100, 1000, 4096, 10_000, 52_900] {
            let mut seen = vec![false; usize::try_from(size).expect("fits")];
            for n in 0..size {
                let x = usize::try_from(permute(n, size, 0xDEAD_BEEF_1234_5678)).expect("fits");
                assert!(!seen[x], "{n} collides in {size}");
                seen[x] = true;
            }
        }
        assert_eq!(fill("OC ####", 1234), "OC 1234");
        assert_eq!(fill("%PK%###", 0), "1PK1000");
        assert_eq!(fill("@@-##", 0), "AA-00");
    }

    #[test]
    fn parts_are_well_formed() {
        let parts = demo_parts(20_000, 3);
        let mut barcodes = 0;
        for part in &parts {
            assert!(in_tree(part.category), "{:?}", part.category);
            assert!(
                !part.name.is_empty() && !part.article.is_empty(),
                "{part:?}"
            );
            assert!((1..=2).contains(&part.oem.len()), "{part:?}");
            assert!(part.purchase_kopecks > 0, "{part:?}");
            assert!(part.sale_kopecks > part.purchase_kopecks, "{part:?}");
            // At most a 60 % markup, plus the rounding up to rubles or tens of rubles.
            let step = if part.sale_kopecks > ROUND_TO_TEN_FROM {
                1000
            } else {
                100
            };
            assert!(
                part.sale_kopecks <= part.purchase_kopecks * 160 / 100 + step,
                "{part:?}"
            );
            assert!(
                part.sale_kopecks * 100 >= part.purchase_kopecks * 125,
                "{part:?}"
            );
            assert_eq!(part.sale_kopecks % 100, 0, "{part:?}");
            assert!(part.min_stock_milli >= 0, "{part:?}");
            assert_eq!(
                part.name.ends_with("(розлив)"),
                part.unit == PartUnit::Litre,
                "{part:?}"
            );
            if let Some(code) = &part.barcode {
                assert!(valid_ean13(code), "{code}");
                barcodes += 1;
            }
        }
        assert!((13_000..15_000).contains(&barcodes), "{barcodes} barcodes");
        for unit in [
            PartUnit::Set,
            PartUnit::Litre,
            PartUnit::Kilogram,
            PartUnit::Metre,
        ] {
            assert!(parts.iter().any(|p| p.unit == unit), "no {unit:?}");
        }
    }

    #[test]
    fn prices_are_realistic() {
        let parts = demo_parts(20_000, 5);
        let sale_range = |prefix: &str| {
            let sales: Vec<i64> = parts
                .iter()
                .filter(|p| p.name.starts_with(prefix))
                .map(|p| p.sale_kopecks / 100)
                .collect();
            let lo = sales.iter().copied().min().unwrap_or(0);
            let hi = sales.iter().copied().max().unwrap_or(0);
            (lo, hi)
        };
        let (lo, hi) = sale_range("Фильтр масляный");
        assert!(lo >= 300 && hi <= 1600, "oil filter {lo}–{hi}");
        let (lo, hi) = sale_range("Колодки тормозные передние");
        assert!(lo >= 1400 && hi <= 6500, "pads {lo}–{hi}");
        let (lo, hi) = sale_range("Свеча зажигания");
        assert!(lo >= 230 && hi <= 1900, "plugs {lo}–{hi}");
        let four_litres: Vec<i64> = parts
            .iter()
            .filter(|p| {
                p.name.starts_with("Масло моторное синтетическое") && p.name.ends_with("4 л")
            })
            .map(|p| p.sale_kopecks / 100)
            .collect();
        assert!(
            four_litres.iter().all(|r| (2300..=7000).contains(r)),
            "{four_litres:?}"
        );
    }

    #[test]
    fn cross_numbers_point_at_analogues() {
        let parts = demo_parts(20_000, 11);
        let total: usize = parts.iter().map(|p| p.cross.len()).sum();
        let average = total as f64 / parts.len() as f64;
        assert!(
            (2.5..=3.5).contains(&average),
            "{average} cross numbers per part"
        );
        let articles: HashSet<(&str, &str)> = parts
            .iter()
            .map(|p| (p.brand, p.article.as_str()))
            .collect();
        for part in &parts[..2000] {
            assert!(!part.cross.is_empty(), "{part:?}");
            for (brand, article) in &part.cross {
                assert!(
                    articles.contains(&(*brand, article.as_str())),
                    "{brand} {article}"
                );
                assert_ne!(
                    (*brand, article.as_str()),
                    (part.brand, part.article.as_str())
                );
            }
        }
        // Analogues share the family's OEM numbers, name and category.
        for pair in parts.windows(2) {
            if pair[1]
                .cross
                .iter()
                .any(|(b, a)| *b == pair[0].brand && *a == pair[0].article)
            {
                assert_eq!(pair[0].oem, pair[1].oem);
                assert_eq!(pair[0].name, pair[1].name);
                assert_eq!(pair[0].category, pair[1].category);
            }
        }
    }

    #[test]
    fn kinds_are_consistent() {
        for kind in KINDS {
            assert!(in_tree(kind.category), "{:?}", kind.category);
            assert!(kind.makers.len() >= 3, "{:?}", kind.category);
            let brands: HashSet<&str> = kind.makers.iter().map(|(b, _)| *b).collect();
            assert_eq!(brands.len(), kind.makers.len(), "{:?}", kind.category);
            for brand in brands {
                assert!(BRANDS.iter().any(|(b, _, _)| *b == brand), "{brand}");
            }
        }
        for (top, subs) in CATEGORY_TREE {
            for sub in *subs {
                assert!(
                    KINDS.iter().any(|k| k.category == (*top, *sub)),
                    "nothing in {top} / {sub}"
                );
            }
        }
    }

    #[test]
    fn services_and_packages_are_consistent() {
        let services = demo_services();
        let codes: HashSet<&str> = services.iter().map(|s| s.code).collect();
        assert_eq!(codes.len(), services.len(), "service codes repeat");
        assert!((75..=95).contains(&services.len()), "{}", services.len());
        for service in &services {
            assert!(
                SERVICE_CATEGORIES.contains(&service.category),
                "{service:?}"
            );
            assert!(service.duration_minutes >= 15, "{service:?}");
            assert_eq!(service.duration_minutes % 15, 0, "{service:?}");
            assert!(service.hours_milli > 0, "{service:?}");
            assert!(
                service.fixed_price_kopecks.is_none_or(|p| p > 0),
                "{service:?}"
            );
        }
        for category in SERVICE_CATEGORIES {
            let count = services.iter().filter(|s| s.category == *category).count();
            assert!(count >= 4, "{category}: {count}");
        }
        let packages = demo_packages();
        assert!((4..=6).contains(&packages.len()));
        let package_codes: HashSet<&str> = packages.iter().map(|p| p.code).collect();
        assert_eq!(package_codes.len(), packages.len());
        for package in &packages {
            assert!(!package.services.is_empty(), "{package:?}");
            for code in &package.services {
                assert!(codes.contains(code), "{code}");
            }
            for (category, quantity) in &package.parts {
                assert!(in_tree(*category), "{category:?}");
                assert!(*quantity > 0);
            }
        }
    }
}
