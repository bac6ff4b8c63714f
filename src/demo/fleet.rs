//! Realistic vehicles for demo data and benchmarks: the makes and models of the
//! Russian car park in 2026 (LADA first, the Chinese makes growing), engine
//! volumes and fuels per model, colours as owners name them, plausible mileage,
//! valid-looking VINs with a correct check digit and canonical private plates
//! (`А123ВС77`). Deterministic: the same seed gives the same fleet on every
//! machine, and within one fleet every VIN and every plate is unique.

/// The year the demo shop lives in: mileage and model years count up to it.
const CURRENT_YEAR: u16 = 2026;
const FIRST_YEAR: u16 = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FuelSeed {
    Petrol,
    Diesel,
    /// LPG or CNG (газ, ГБО).
    Gas,
    Hybrid,
    Electric,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VehicleSeed {
    pub make: String,
    pub model: String,
    pub year: u16,
    /// 17 characters: a real WMI for the make, a check digit at position 9,
    /// the model-year character at position 10; never I, O or Q.
    pub vin: String,
    /// Canonical Russian private plate, Cyrillic, no spaces: `А123ВС77`.
    pub plate: String,
    /// `None` for electric cars.
    pub engine_volume_cc: Option<u32>,
    pub fuel: FuelSeed,
    pub colour: String,
    pub odometer_km: u32,
}

/// A small deterministic generator (xorshift64), the same on every machine.
#[derive(Debug, Clone)]
pub struct FleetDice(u64);

impl FleetDice {
    /// Any seed works, 0 included: it is scrambled (splitmix64) first, so
    /// nearby seeds give unrelated sequences.
    pub fn new(seed: u64) -> FleetDice {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        FleetDice(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    pub fn roll(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.roll() % n }
    }

    /// An index into a slice of `len` items.
    fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }

    fn percent(&mut self, pct: u8) -> bool {
        self.below(100) < u64::from(pct)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        items.get(self.index(items.len())).copied()
    }

    fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u32) -> Option<&'a T> {
        let total: u64 = items.iter().map(|item| u64::from(weight(item))).sum();
        self.weighted_of(items, total, weight)
    }

    /// [`Self::weighted`] with the total weight known in advance.
    fn weighted_of<'a, T>(
        &mut self,
        items: &'a [T],
        total: u64,
        weight: impl Fn(&T) -> u32,
    ) -> Option<&'a T> {
        let mut roll = self.below(total);
        for item in items {
            let w = u64::from(weight(item));
            if roll < w {
                return Some(item);
            }
            roll -= w;
        }
        items.last()
    }
}

/// Deterministic stream of realistic vehicles.
#[derive(Debug, Clone)]
pub struct Fleet {
    dice: FleetDice,
    counter: u64,
    vin_key: u64,
    plate_key: u64,
}

/// VIN serials (the last six digits) are a keyed permutation of the vehicle's
/// index, so the first million VINs of a fleet differ.
const VIN_SERIALS: u64 = 1_000_000;
const VIN_SERIAL_BITS: u32 = 20;
/// Plates: 12^3 letter series × 999 numbers per region. The series and number
/// are a keyed permutation of the index, so the first 1,726,272 plates of a
/// fleet differ whatever their regions.
const PLATE_SPACE: u64 = 12 * 12 * 12 * 999;
const PLATE_BITS: u32 = 21;

/// A keyed permutation of `0..size` (`size <= 2^bits`): an invertible mix of
/// `bits`-bit numbers, repeated until the value lands below `size` (cycle
/// walking). Distinct `n` below `size` give distinct results, in an order that
/// looks random. Larger `n` wrap around.
fn permute(n: u64, size: u64, bits: u32, key: u64) -> u64 {
    let mask = (1u64 << bits) - 1;
    let mut x = n % size;
    loop {
        // Each step is a bijection on `bits`-bit numbers: xor with a constant,
        // multiplication by an odd number, xor with a right shift of itself.
        x ^= key & mask;
        x = x.wrapping_mul(0x9E37_79B9) & mask;
        x ^= x >> (bits / 2);
        x = x.wrapping_mul(0x85EB_CA6B) & mask;
        x ^= x >> (bits / 3 + 1);
        x ^= (key >> 32) & mask;
        if x < size {
            return x;
        }
    }
}

impl Fleet {
    pub fn new(seed: u64) -> Fleet {
        let mut dice = FleetDice::new(seed);
        let vin_key = dice.roll();
        let plate_key = dice.roll();
        Fleet {
            dice,
            counter: 0,
            vin_key,
            plate_key,
        }
    }

    /// The next vehicle; the n-th call's VIN and plate are unique among all
    /// calls on this Fleet (for at least 1,000,000 calls).
    pub fn next_vehicle(&mut self) -> VehicleSeed {
        let n = self.counter;
        self.counter += 1;
        let dice = &mut self.dice;
        let make = dice
            .weighted_of(MAKES, MAKES_TOTAL, |m| m.weight)
            .unwrap_or(&MAKES[0]);
        let model = dice
            .weighted(make.models, |m| m.weight)
            .unwrap_or(&make.models[0]);
        let year = model_year(dice, model);
        let (fuel, engine_volume_cc) = fuel_and_engine(dice, model);
        let vin = vin(dice, make, model, year, n, self.vin_key);
        let plate = plate(dice, n, self.plate_key);
        let colour = dice
            .weighted_of(COLOURS, COLOURS_TOTAL, |c| c.1)
            .map_or("белый", |c| c.0);
        let odometer_km = odometer(dice, year, model, fuel);
        VehicleSeed {
            make: make.make.to_owned(),
            model: model.name.to_owned(),
            year,
            vin,
            plate,
            engine_volume_cc,
            fuel,
            colour: colour.to_owned(),
            odometer_km,
        }
    }
}

impl Iterator for Fleet {
    type Item = VehicleSeed;

    fn next(&mut self) -> Option<VehicleSeed> {
        Some(self.next_vehicle())
    }
}

/// Years 2000–2026, skewed to 2008–2022 (the bulk of the car park), then fitted
/// to the years the model was sold.
fn model_year(dice: &mut FleetDice, model: &ModelProfile) -> u16 {
    let from = model.years.0.max(FIRST_YEAR);
    let to = model.years.1.min(CURRENT_YEAR).max(from);
    for _ in 0..6 {
        let year = dice
            .weighted_of(YEAR_WEIGHTS, YEARS_TOTAL, |&(_, w)| w)
            .map_or(2014, |&(y, _)| y);
        if (from..=to).contains(&year) {
            return year;
        }
    }
    // A model sold only outside the bulk years: spread it over its own years,
    // newer ones more likely.
    let span = u64::from(to.saturating_sub(from)) + 1;
    let a = dice.below(span);
    let b = dice.below(span);
    from + u16::try_from(a.max(b)).unwrap_or(0)
}

const YEARS_TOTAL: u64 = {
    let mut total = 0;
    let mut i = 0;
    while i < YEAR_WEIGHTS.len() {
        total += YEAR_WEIGHTS[i].1 as u64;
        i += 1;
    }
    total
};

const YEAR_WEIGHTS: &[(u16, u32)] = &[
    (2000, 5),
    (2001, 6),
    (2002, 7),
    (2003, 9),
    (2004, 11),
    (2005, 14),
    (2006, 18),
    (2007, 24),
    (2008, 34),
    (2009, 26),
    (2010, 32),
    (2011, 40),
    (2012, 46),
    (2013, 46),
    (2014, 42),
    (2015, 30),
    (2016, 29),
    (2017, 34),
    (2018, 38),
    (2019, 38),
    (2020, 35),
    (2021, 37),
    (2022, 26),
    (2023, 24),
    (2024, 25),
    (2025, 20),
    (2026, 7),
];

fn fuel_and_engine(dice: &mut FleetDice, model: &ModelProfile) -> (FuelSeed, Option<u32>) {
    if model.petrol.is_empty() && model.diesel.is_empty() {
        return (FuelSeed::Electric, None);
    }
    let roll = dice.below(100);
    let mut edge = u64::from(model.electric_pct);
    if roll < edge {
        return (FuelSeed::Electric, None);
    }
    edge += u64::from(model.diesel_pct);
    if model.petrol.is_empty() || (roll < edge && !model.diesel.is_empty()) {
        return (FuelSeed::Diesel, dice.pick(model.diesel));
    }
    let fuel = if roll < edge + u64::from(model.hybrid_pct) {
        FuelSeed::Hybrid
    } else if roll < edge + u64::from(model.hybrid_pct) + u64::from(model.gas_pct) {
        FuelSeed::Gas
    } else {
        FuelSeed::Petrol
    };
    (fuel, dice.pick(model.petrol))
}

/// ≈ 15–20 thousand km a year with a wide spread; vans and pickups at work
/// run twice that, and some cars barely leave the garage.
fn odometer(dice: &mut FleetDice, year: u16, model: &ModelProfile, fuel: FuelSeed) -> u32 {
    let base: u64 = match (model.work, fuel) {
        (true, _) => 34_000,
        (false, FuelSeed::Electric) => 14_000,
        (false, _) => 17_500,
    };
    let percent = if dice.percent(6) {
        20 + dice.below(30)
    } else {
        50 + dice.below(91)
    };
    let per_year = base * percent / 100;
    let age = u64::from(CURRENT_YEAR.saturating_sub(year));
    // The current year counts for a part: the car was bought some months ago.
    let km = age * per_year + dice.below(per_year * 2 / 3 + 1) + dice.below(500);
    u32::try_from(km).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------
// VIN

/// The characters a VIN may contain (no I, O, Q).
const VIN_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

fn vin(
    dice: &mut FleetDice,
    make: &MakeProfile,
    model: &ModelProfile,
    year: u16,
    n: u64,
    key: u64,
) -> String {
    let (wmi, plants) = dice.pick(make.wmi).unwrap_or(("XTA", "0"));
    let vds = vds(dice, make.make, model.name);
    let plant = dice.pick(plants.as_bytes()).unwrap_or(b'0');
    let serial = permute(n, VIN_SERIALS, VIN_SERIAL_BITS, key);
    let mut bytes = Vec::with_capacity(17);
    bytes.extend_from_slice(wmi.as_bytes());
    bytes.extend_from_slice(&vds);
    bytes.push(b'0');
    bytes.push(year_code(year));
    bytes.push(plant);
    bytes.extend_from_slice(format!("{serial:06}").as_bytes());
    if let Some(check) = check_digit(&bytes) {
        bytes[8] = check;
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// Positions 4–8: the manufacturer's model code where we know a real one,
/// otherwise a stable code derived from the model's name.
fn vds(dice: &mut FleetDice, make: &str, model: &str) -> [u8; 5] {
    let known = KNOWN_VDS
        .iter()
        .find(|(mk, md, _)| *mk == make && *md == model)
        .and_then(|(_, _, codes)| dice.pick(codes));
    if let Some(code) = known {
        let mut out = [b'0'; 5];
        for (slot, byte) in out.iter_mut().zip(code.bytes()) {
            *slot = byte;
        }
        return out;
    }
    // FNV-1a of the name: the same model always gets the same code.
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for byte in make.bytes().chain([b'/']).chain(model.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01B3);
    }
    let mut out = [b'0'; 5];
    for slot in &mut out {
        *slot = VIN_ALPHABET[usize::try_from(hash % VIN_ALPHABET.len() as u64).unwrap_or(0)];
        hash /= VIN_ALPHABET.len() as u64;
    }
    out
}

/// The model-year character (position 10): 2000 `Y`, 2001–2009 `1`–`9`,
/// 2010 `A` … 2026 `T`, skipping I, O, Q, U, Z.
fn year_code(year: u16) -> u8 {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTVWXY";
    match year {
        ..=2000 => b'Y',
        2001..=2009 => b'0' + u8::try_from(year - 2000).unwrap_or(0),
        _ => {
            let i = usize::from(year - 2010) % LETTERS.len();
            LETTERS[i]
        }
    }
}

/// The ISO 3779 check character (position 9) of a 17-character VIN.
fn check_digit(vin: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    if vin.len() != WEIGHTS.len() {
        return None;
    }
    let mut sum = 0;
    for (&c, weight) in vin.iter().zip(WEIGHTS) {
        sum += vin_value(c)? * weight;
    }
    match sum % 11 {
        10 => Some(b'X'),
        rest => u8::try_from(rest).ok().map(|d| b'0' + d),
    }
}

fn vin_value(c: u8) -> Option<u32> {
    let value = match c {
        b'0'..=b'9' => c - b'0',
        b'A' | b'J' => 1,
        b'B' | b'K' | b'S' => 2,
        b'C' | b'L' | b'T' => 3,
        b'D' | b'M' | b'U' => 4,
        b'E' | b'N' | b'V' => 5,
        b'F' | b'W' => 6,
        b'G' | b'P' | b'X' => 7,
        b'H' | b'Y' => 8,
        b'R' | b'Z' => 9,
        _ => return None,
    };
    Some(u32::from(value))
}

// ---------------------------------------------------------------------------
// Plates

const PLATE_LETTERS: [char; 12] = ['А', 'В', 'Е', 'К', 'М', 'Н', 'О', 'Р', 'С', 'Т', 'У', 'Х'];

fn plate(dice: &mut FleetDice, n: u64, key: u64) -> String {
    let k = permute(n, PLATE_SPACE, PLATE_BITS, key);
    let number = k % 999 + 1;
    let series = k / 999;
    let letter = |i: u64| PLATE_LETTERS[usize::try_from(i % 12).unwrap_or(0)];
    let region = dice
        .weighted_of(REGIONS, REGIONS_TOTAL, |r| r.1)
        .map_or("77", |r| r.0);
    format!(
        "{}{number:03}{}{}{region}",
        letter(series / 144),
        letter(series / 12),
        letter(series)
    )
}

const REGIONS_TOTAL: u64 = named_total(REGIONS);
const COLOURS_TOTAL: u64 = named_total(COLOURS);

const fn named_total(items: &[(&str, u32)]) -> u64 {
    let mut total = 0;
    let mut i = 0;
    while i < items.len() {
        total += items[i].1 as u64;
        i += 1;
    }
    total
}

/// Region codes of private plates, weighted by where the cars of a Moscow-area
/// shop come from: Moscow, the oblast and St Petersburg first.
const REGIONS: &[(&str, u32)] = &[
    // Moscow
    ("77", 40),
    ("97", 35),
    ("99", 35),
    ("177", 40),
    ("197", 35),
    ("199", 35),
    ("777", 30),
    ("797", 20),
    ("799", 15),
    ("977", 15),
    // Moscow oblast
    ("50", 40),
    ("90", 35),
    ("150", 40),
    ("190", 30),
    ("750", 25),
    ("790", 10),
    // St Petersburg and Leningrad oblast
    ("78", 40),
    ("98", 30),
    ("178", 35),
    ("198", 25),
    ("47", 25),
    ("147", 15),
    // The rest of Russia
    ("16", 12),
    ("116", 10),
    ("716", 4),
    ("02", 10),
    ("102", 8),
    ("702", 3),
    ("66", 10),
    ("96", 8),
    ("196", 6),
    ("54", 8),
    ("154", 6),
    ("754", 2),
    ("23", 10),
    ("93", 8),
    ("123", 6),
    ("193", 3),
    ("63", 8),
    ("163", 7),
    ("763", 2),
    ("52", 8),
    ("152", 7),
    ("74", 8),
    ("174", 7),
    ("774", 2),
    ("61", 8),
    ("161", 7),
    ("761", 2),
    ("24", 7),
    ("124", 6),
    ("59", 7),
    ("159", 5),
    ("36", 7),
    ("136", 4),
    ("34", 6),
    ("134", 4),
    ("64", 6),
    ("164", 4),
    ("38", 6),
    ("138", 5),
    ("72", 6),
    ("172", 3),
    ("86", 5),
    ("186", 4),
    ("55", 6),
    ("155", 4),
    ("42", 6),
    ("142", 4),
    ("56", 5),
    ("156", 3),
    ("26", 6),
    ("126", 4),
    ("25", 5),
    ("125", 3),
    ("31", 5),
    ("32", 4),
    ("30", 3),
    ("76", 6),
    ("71", 6),
    ("33", 5),
    ("37", 4),
    ("40", 6),
    ("44", 3),
    ("48", 4),
    ("57", 3),
    ("62", 5),
    ("67", 4),
    ("68", 3),
    ("69", 5),
    ("70", 4),
    ("39", 5),
    ("35", 4),
    ("29", 3),
    ("51", 3),
    ("53", 3),
    ("60", 3),
    ("10", 3),
    ("11", 3),
    ("12", 3),
    ("13", 3),
    ("14", 3),
    ("18", 4),
    ("21", 4),
    ("22", 5),
    ("27", 4),
    ("28", 2),
    ("43", 4),
    ("45", 2),
    ("46", 4),
    ("58", 4),
    ("65", 2),
    ("73", 4),
    ("75", 3),
    ("79", 1),
    ("03", 3),
    ("01", 2),
    ("04", 1),
    ("05", 4),
    ("06", 1),
    ("07", 2),
    ("08", 1),
    ("09", 1),
    ("15", 2),
    ("17", 1),
    ("19", 2),
    ("20", 2),
    ("41", 1),
    ("49", 1),
    ("83", 1),
    ("87", 1),
    ("89", 2),
    ("92", 2),
    ("82", 3),
];

/// Body colours as owners name them, weighted like the car park.
const COLOURS: &[(&str, u32)] = &[
    ("белый", 220),
    ("серый", 150),
    ("чёрный", 150),
    ("серебристый", 140),
    ("синий", 60),
    ("красный", 45),
    ("коричневый", 30),
    ("бежевый", 25),
    ("тёмно-синий", 20),
    ("зелёный", 20),
    ("мокрый асфальт", 18),
    ("графитовый", 15),
    ("тёмно-серый", 15),
    ("вишнёвый", 12),
    ("бордовый", 10),
    ("золотистый", 10),
    ("оранжевый", 9),
    ("голубой", 7),
    ("жёлтый", 6),
    ("сине-чёрный", 6),
    ("баклажан", 5),
    ("фиолетовый", 4),
    ("тёмно-зелёный", 4),
];

// ---------------------------------------------------------------------------
// The car park

struct MakeProfile {
    make: &'static str,
    /// Share of the make in the car park, in ‰ of the total of all weights.
    weight: u32,
    /// Real WMIs of the make, each with plant characters seen at position 11.
    wmi: &'static [(&'static str, &'static str)],
    models: &'static [ModelProfile],
}

#[derive(Clone, Copy)]
struct ModelProfile {
    name: &'static str,
    weight: u32,
    /// First and last model year on the Russian market.
    years: (u16, u16),
    /// Petrol engine volumes, cc (also used for hybrids and gas conversions);
    /// empty for diesel-only and electric models.
    petrol: &'static [u32],
    diesel: &'static [u32],
    diesel_pct: u8,
    hybrid_pct: u8,
    gas_pct: u8,
    electric_pct: u8,
    /// Vans and pickups that work for a living: they run far more a year.
    work: bool,
}

/// A model sold with petrol engines from `from` to `to`.
const fn m(
    name: &'static str,
    weight: u32,
    from: u16,
    to: u16,
    petrol: &'static [u32],
) -> ModelProfile {
    ModelProfile {
        name,
        weight,
        years: (from, to),
        petrol,
        diesel: &[],
        diesel_pct: 0,
        hybrid_pct: 0,
        gas_pct: 0,
        electric_pct: 0,
        work: false,
    }
}

/// An electric model.
const fn ev(name: &'static str, weight: u32, from: u16, to: u16) -> ModelProfile {
    m(name, weight, from, to, &[]).electric(100)
}

impl ModelProfile {
    /// Diesel versions make `pct`% of the model (all of it without petrol).
    const fn diesel(self, engines: &'static [u32], pct: u8) -> ModelProfile {
        ModelProfile {
            diesel: engines,
            diesel_pct: pct,
            ..self
        }
    }

    const fn hybrid(self, pct: u8) -> ModelProfile {
        ModelProfile {
            hybrid_pct: pct,
            ..self
        }
    }

    /// Converted to LPG/CNG (ГБО) or sold as a CNG version.
    const fn gas(self, pct: u8) -> ModelProfile {
        ModelProfile {
            gas_pct: pct,
            ..self
        }
    }

    const fn electric(self, pct: u8) -> ModelProfile {
        ModelProfile {
            electric_pct: pct,
            ..self
        }
    }

    const fn work(self) -> ModelProfile {
        ModelProfile { work: true, ..self }
    }
}

/// Real model codes (VIN positions 4–8) for the commonest domestic models.
const KNOWN_VDS: &[(&str, &str, &[&str])] = &[
    (
        "LADA",
        "Granta",
        &["21901", "21902", "21911", "21921", "21941"],
    ),
    (
        "LADA",
        "Vesta",
        &["GFL11", "GFL12", "GFL13", "GFK11", "GFK32"],
    ),
    ("LADA", "Niva Legend", &["21214", "21310", "21315"]),
    ("LADA", "4x4", &["21214", "21310", "21315"]),
    ("LADA", "Niva Travel", &["21230", "21236"]),
    ("LADA", "Largus", &["KS015", "RS015", "FS015", "KS045"]),
    ("LADA", "XRAY", &["GAB11", "GAB33"]),
    ("LADA", "Priora", &["21703", "21713", "21723", "21730"]),
    (
        "LADA",
        "Kalina",
        &["11183", "11193", "11173", "21940", "21921"],
    ),
    ("LADA", "2104", &["21043"]),
    ("LADA", "2105", &["21053"]),
    ("LADA", "2106", &["21061", "21065"]),
    ("LADA", "2107", &["21070", "21074", "21072"]),
    ("LADA", "2109", &["21093"]),
    ("LADA", "2110", &["21100", "21104"]),
    ("LADA", "2112", &["21120", "21124"]),
    ("LADA", "2114", &["21140", "21144"]),
    ("LADA", "2115", &["21150", "21154"]),
    ("UAZ", "Патриот", &["31631", "31632", "31637"]),
    ("UAZ", "Хантер", &["31519", "31514"]),
    ("UAZ", "Пикап", &["23632", "23602"]),
    ("UAZ", "Буханка", &["22069", "39629", "39625"]),
    ("UAZ", "3909", &["39099", "39094"]),
    ("UAZ", "469", &["31512", "46900"]),
    ("GAZ", "Газель Next", &["A21R2", "A21R3", "A22R3", "A23R3"]),
    (
        "GAZ",
        "Газель Бизнес",
        &["33020", "33021", "27050", "32212"],
    ),
    ("GAZ", "Газель", &["33020", "32213", "27050"]),
    ("GAZ", "Соболь", &["22170", "22171", "27520"]),
    ("GAZ", "3110", &["31100"]),
    ("GAZ", "31105", &["31105"]),
];

const MAKES_TOTAL: u64 = {
    let mut total = 0;
    let mut i = 0;
    while i < MAKES.len() {
        total += MAKES[i].weight as u64;
        i += 1;
    }
    total
};

const MAKES: &[MakeProfile] = &[
    MakeProfile {
        make: "LADA",
        weight: 270,
        wmi: &[("XTA", "000Y")],
        models: &[
            m("Granta", 300, 2011, 2026, &[1596]).gas(5),
            m("Vesta", 220, 2015, 2026, &[1596, 1774]).gas(4),
            m("Niva Legend", 50, 2021, 2026, &[1690]).gas(3),
            m("4x4", 60, 2006, 2020, &[1690]).gas(3),
            m("Niva Travel", 35, 2021, 2026, &[1690]),
            m("Largus", 70, 2012, 2026, &[1596, 1598]).gas(8).work(),
            m("XRAY", 35, 2016, 2022, &[1596, 1774, 1598]),
            m("Priora", 90, 2007, 2018, &[1596]).gas(5),
            m("Kalina", 70, 2004, 2018, &[1596, 1390]).gas(4),
            m("Iskra", 3, 2025, 2026, &[1596]),
            m("Aura", 1, 2024, 2026, &[1774]),
            m("2104", 8, 2000, 2012, &[1452, 1568]).gas(8),
            m("2105", 6, 2000, 2010, &[1452, 1568]).gas(8),
            m("2106", 4, 2000, 2006, &[1568]).gas(5),
            m("2107", 25, 2000, 2012, &[1568, 1452]).gas(8),
            m("2109", 6, 2000, 2004, &[1499]).gas(5),
            m("2110", 15, 2000, 2007, &[1499, 1596]).gas(5),
            m("2112", 10, 2000, 2008, &[1499, 1596]).gas(5),
            m("2114", 40, 2003, 2013, &[1499, 1596]).gas(6),
            m("2115", 20, 2000, 2012, &[1499, 1596]).gas(6),
        ],
    },
    MakeProfile {
        make: "Kia",
        weight: 65,
        wmi: &[
            ("XWE", "EK"),
            ("Z94", "CK"),
            ("KNA", "5K"),
            ("KNE", "57"),
            ("KND", "57"),
        ],
        models: &[
            m("Rio", 100, 2005, 2023, &[1396, 1591]),
            m("Rio X", 25, 2017, 2023, &[1396, 1591]),
            m("Ceed", 30, 2007, 2022, &[1396, 1591]),
            m("Cerato", 35, 2004, 2023, &[1591, 1999]),
            m("Optima", 15, 2010, 2020, &[1999, 2359]),
            m("K5", 12, 2020, 2024, &[1999, 2497]),
            m("Sportage", 60, 2004, 2026, &[1591, 1999, 2359]).diesel(&[1995], 12),
            m("Sorento", 25, 2002, 2026, &[2359, 2497, 3470]).diesel(&[2497, 2199], 25),
            m("Soul", 15, 2008, 2022, &[1591, 1999]),
            m("Seltos", 10, 2020, 2025, &[1591, 1999]),
            m("Picanto", 10, 2004, 2023, &[998, 1248]),
            m("Carnival", 4, 2006, 2024, &[3342, 3470]).diesel(&[2199], 30),
            m("Mohave", 4, 2008, 2022, &[3778]).diesel(&[2959], 60),
            m("Stinger", 2, 2017, 2023, &[1998, 2497, 3342]),
            m("Venga", 4, 2010, 2018, &[1396, 1591]),
            m("Spectra", 12, 2004, 2011, &[1594]),
            m("Carens", 2, 2006, 2018, &[1591, 1999]),
        ],
    },
    MakeProfile {
        make: "Hyundai",
        weight: 60,
        wmi: &[("Z94", "CK"), ("KMH", "UT"), ("X7M", "M"), ("XWE", "E")],
        models: &[
            m("Solaris", 120, 2010, 2022, &[1396, 1591]),
            m("Creta", 50, 2016, 2022, &[1591, 1999]),
            m("Elantra", 25, 2000, 2024, &[1591, 1598, 1999]),
            m("Sonata", 15, 2000, 2024, &[1998, 2359, 2497]),
            m("Tucson", 30, 2004, 2024, &[1999, 1591, 2359, 2656]).diesel(&[1995, 1998], 15),
            m("Santa Fe", 25, 2000, 2024, &[2359, 2656, 3470]).diesel(&[2188, 2199], 35),
            m("i30", 10, 2007, 2020, &[1396, 1591]),
            m("i40", 6, 2011, 2018, &[1999, 1591]).diesel(&[1685], 10),
            m("ix35", 20, 2010, 2016, &[1999]).diesel(&[1995], 15),
            m("Getz", 15, 2002, 2011, &[1341, 1399, 1599]),
            m("Accent", 30, 2000, 2012, &[1495, 1599, 1341]).gas(3),
            m("Matrix", 5, 2001, 2010, &[1599, 1795]),
            m("Palisade", 3, 2019, 2024, &[3470]).diesel(&[2199], 30),
            m("Grand Starex", 6, 2007, 2021, &[2359])
                .diesel(&[2497], 80)
                .work(),
            m("Staria", 2, 2021, 2024, &[3470]).diesel(&[2199], 70),
            m("Porter", 6, 2005, 2021, &[])
                .diesel(&[2476, 2497], 100)
                .work(),
        ],
    },
    MakeProfile {
        make: "Toyota",
        weight: 70,
        wmi: &[
            ("XW7", "0"),
            ("JTN", "JK"),
            ("JTD", "J"),
            ("JTM", "JW"),
            ("JTE", "K"),
            ("SB1", "0"),
            ("NMT", "0"),
        ],
        models: &[
            m("Camry", 70, 2000, 2026, &[2362, 2494, 1998, 3456]).hybrid(3),
            m("Corolla", 60, 2000, 2026, &[1398, 1598, 1794, 1797]).hybrid(3),
            m("RAV4", 55, 2000, 2026, &[1998, 1987, 2494, 2362])
                .diesel(&[2231], 5)
                .hybrid(3),
            m("Land Cruiser", 20, 2000, 2026, &[4664, 4608, 3445]).diesel(&[4164, 4461, 3346], 40),
            m("Land Cruiser Prado", 35, 2002, 2026, &[2693, 3956]).diesel(&[2982, 2755], 35),
            m("Highlander", 15, 2001, 2024, &[2672, 3456, 3310]).hybrid(5),
            m("Avensis", 20, 2000, 2018, &[1598, 1794, 1998, 2362]),
            m("Auris", 12, 2007, 2018, &[1598, 1329]),
            m("Yaris", 8, 2000, 2020, &[996, 1298]),
            m("Hilux", 12, 2005, 2026, &[2694])
                .diesel(&[2393, 2755, 2982], 85)
                .work(),
            m("Fortuner", 5, 2017, 2024, &[2694]).diesel(&[2755], 60),
            m("C-HR", 6, 2017, 2023, &[1197, 1987]).hybrid(10),
            m("Prius", 6, 2003, 2023, &[1497, 1798]).hybrid(100),
            m("Mark II", 5, 2000, 2004, &[1988, 2491]),
            m("Vitz", 6, 2000, 2019, &[996, 1298, 1496]),
            m("Alphard", 4, 2002, 2023, &[2362, 2493, 3456]),
            m("Venza", 3, 2008, 2017, &[2672, 3456]),
        ],
    },
    MakeProfile {
        make: "Renault",
        weight: 45,
        wmi: &[("X7L", "MS"), ("VF1", "0"), ("UU1", "0")],
        models: &[
            m("Logan", 110, 2005, 2022, &[1390, 1598]).gas(5),
            m("Sandero", 40, 2009, 2022, &[1598]),
            m("Sandero Stepway", 30, 2010, 2022, &[1598]),
            m("Duster", 90, 2011, 2022, &[1598, 1998, 1332]).diesel(&[1461], 12),
            m("Kaptur", 30, 2016, 2022, &[1598, 1998, 1332]),
            m("Arkana", 20, 2019, 2022, &[1598, 1332]),
            m("Megane", 20, 2002, 2016, &[1598, 1390, 1998]).diesel(&[1461], 5),
            m("Fluence", 25, 2010, 2017, &[1598, 1997]),
            m("Symbol", 20, 2000, 2012, &[1390, 1598]),
            m("Scenic", 6, 2003, 2015, &[1598]).diesel(&[1461, 1870], 15),
            m("Koleos", 8, 2008, 2019, &[2488]).diesel(&[1995], 25),
            m("Kangoo", 8, 2000, 2020, &[1598, 1390])
                .diesel(&[1461], 30)
                .work(),
            m("Clio", 5, 2000, 2012, &[1149, 1390, 1598]),
            m("Laguna", 4, 2001, 2012, &[1998, 1598]).diesel(&[1870, 1995], 15),
            m("Master", 5, 2003, 2022, &[])
                .diesel(&[2298, 2463], 100)
                .work(),
        ],
    },
    MakeProfile {
        make: "Volkswagen",
        weight: 40,
        wmi: &[
            ("XW8", "KL"),
            ("WVW", "ZW"),
            ("WVG", "ZY"),
            ("WV1", "HZ"),
            ("WV2", "HZ"),
        ],
        models: &[
            m("Polo", 140, 2010, 2022, &[1598, 1395]),
            m("Jetta", 35, 2006, 2020, &[1395, 1598, 1390, 1984]),
            m("Passat", 40, 2000, 2020, &[1798, 1984, 1390, 1781]).diesel(&[1968, 1896], 10),
            m("Passat CC", 8, 2008, 2016, &[1798, 1984, 3597]),
            m("Golf", 35, 2000, 2020, &[1390, 1595, 1598, 1395]).diesel(&[1896, 1968], 8),
            m("Tiguan", 45, 2007, 2023, &[1390, 1984, 1395]).diesel(&[1968], 15),
            m("Touareg", 15, 2002, 2022, &[3597, 2995, 3189]).diesel(&[2967, 2461], 45),
            m("Teramont", 5, 2017, 2024, &[1984, 3597]),
            m("Taos", 3, 2021, 2022, &[1395]),
            m("Caddy", 12, 2004, 2020, &[1598, 1390])
                .diesel(&[1968, 1896], 40)
                .work(),
            m("Transporter", 15, 2000, 2022, &[1984])
                .diesel(&[1968, 2461, 1896], 80)
                .work(),
            m("Multivan", 4, 2003, 2022, &[1984, 3189]).diesel(&[1968], 60),
            m("Amarok", 4, 2010, 2022, &[]).diesel(&[1968, 2967], 100),
            m("Touran", 4, 2003, 2015, &[1390, 1598]).diesel(&[1896, 1968], 20),
            m("Crafter", 3, 2006, 2022, &[])
                .diesel(&[2461, 1968], 100)
                .work(),
            m("Bora", 4, 2000, 2005, &[1595, 1984]),
        ],
    },
    MakeProfile {
        make: "Skoda",
        weight: 28,
        wmi: &[("XW8", "KL"), ("TMB", "0MK")],
        models: &[
            m(
                "Octavia",
                130,
                2000,
                2025,
                &[1598, 1395, 1798, 1390, 1595, 1984],
            )
            .diesel(&[1968, 1896], 5),
            m("Rapid", 80, 2014, 2022, &[1598, 1395]),
            m("Fabia", 30, 2000, 2014, &[1198, 1390, 1598]),
            m("Superb", 20, 2002, 2023, &[1798, 1984, 3597]).diesel(&[1968], 5),
            m("Kodiaq", 25, 2017, 2024, &[1395, 1984]).diesel(&[1968], 15),
            m("Karoq", 10, 2020, 2022, &[1395, 1598]),
            m("Yeti", 18, 2009, 2018, &[1197, 1390, 1598, 1798]).diesel(&[1968], 8),
            m("Roomster", 3, 2006, 2015, &[1390, 1598]),
            m("Felicia", 1, 2000, 2001, &[1289]),
        ],
    },
    MakeProfile {
        make: "Nissan",
        weight: 35,
        wmi: &[("Z8N", "0T"), ("JN1", "TW"), ("SJN", "0"), ("JN8", "TW")],
        models: &[
            m("Almera", 60, 2000, 2018, &[1498, 1598, 1769]),
            m("Almera Classic", 25, 2006, 2012, &[1598]),
            m("Qashqai", 60, 2007, 2022, &[1598, 1997, 1197]),
            m("X-Trail", 55, 2001, 2022, &[1998, 2488, 1997]).diesel(&[1995, 2184], 10),
            m("Juke", 25, 2010, 2019, &[1598]),
            m("Terrano", 25, 2014, 2022, &[1598, 1998]),
            m("Note", 12, 2005, 2013, &[1386, 1598]),
            m("Tiida", 25, 2007, 2017, &[1598, 1797]),
            m("Teana", 20, 2003, 2016, &[2349, 2495, 3498]),
            m("Murano", 12, 2003, 2022, &[3498]).hybrid(2),
            m("Pathfinder", 8, 2005, 2020, &[3954, 3498]).diesel(&[2488], 40),
            m("Patrol", 4, 2000, 2020, &[5552, 4759]).diesel(&[2953], 20),
            m("Primera", 12, 2000, 2008, &[1597, 1769, 1998]),
            m("Micra", 6, 2003, 2010, &[1240, 1386]),
            m("Navara", 4, 2005, 2015, &[]).diesel(&[2488], 100).work(),
            ev("Leaf", 3, 2010, 2024),
            m("Sentra", 6, 2014, 2017, &[1598]),
            m("Maxima", 2, 2000, 2006, &[1998, 2988, 3498]),
        ],
    },
    MakeProfile {
        make: "Chevrolet",
        weight: 30,
        wmi: &[("X9L", "0"), ("XUF", "K"), ("XUU", "K"), ("KL1", "BK")],
        models: &[
            m("Lacetti", 60, 2004, 2013, &[1399, 1598, 1799]),
            m("Aveo", 40, 2004, 2015, &[1206, 1399, 1598]),
            m("Cruze", 50, 2009, 2015, &[1598, 1796, 1399]),
            m("Niva", 55, 2002, 2020, &[1690]).gas(3),
            m("Lanos", 12, 2005, 2009, &[1498]),
            m("Cobalt", 10, 2013, 2016, &[1485]),
            m("Spark", 10, 2005, 2016, &[995, 1206]),
            m("Captiva", 15, 2006, 2016, &[2384, 2405, 3195]).diesel(&[1991, 2231], 15),
            m("Orlando", 6, 2011, 2015, &[1796]).diesel(&[1998], 10),
            m("Tahoe", 5, 2000, 2024, &[5328, 6162]),
            m("TrailBlazer", 5, 2001, 2016, &[4157, 3564]).diesel(&[2776], 30),
            m("Epica", 5, 2006, 2012, &[1993, 2492]),
            m("Tracker", 5, 2013, 2016, &[1796, 1399]),
            m("Malibu", 3, 2012, 2015, &[2384]),
            m("Camaro", 1, 2010, 2020, &[3564, 6162, 1998]),
            m("Rezzo", 3, 2004, 2008, &[1598]),
        ],
    },
    MakeProfile {
        make: "Mitsubishi",
        weight: 20,
        wmi: &[("JMB", "UZ"), ("Z8T", "0"), ("MMC", "J"), ("JMY", "U")],
        models: &[
            m("Lancer", 50, 2000, 2017, &[1584, 1590, 1798, 1998]),
            m("Outlander", 55, 2003, 2022, &[1998, 2360, 2998])
                .diesel(&[2179], 2)
                .hybrid(3),
            m("ASX", 30, 2010, 2020, &[1590, 1798, 1998]),
            m("Pajero", 20, 2000, 2021, &[2972, 3497, 3828]).diesel(&[3200, 2477], 40),
            m("Pajero Sport", 25, 2000, 2023, &[2972, 2998]).diesel(&[2477, 2442], 45),
            m("L200", 12, 2000, 2023, &[2351])
                .diesel(&[2477, 2442], 90)
                .work(),
            m("Galant", 6, 2000, 2012, &[1997, 2378]),
            m("Colt", 5, 2004, 2012, &[1332, 1499]),
            m("Eclipse Cross", 6, 2017, 2022, &[1499]),
            m("Carisma", 5, 2000, 2004, &[1584, 1834]),
            m("Pajero Pinin", 5, 2000, 2006, &[1834, 1999]),
            m("Space Star", 1, 2000, 2005, &[1584, 1834]),
        ],
    },
    MakeProfile {
        make: "Ford",
        weight: 22,
        wmi: &[("X9F", "ADL"), ("Z6F", "A"), ("WF0", "AL")],
        models: &[
            m("Focus", 120, 2000, 2019, &[1596, 1388, 1798, 1999, 1497]).diesel(&[1753, 1560], 3),
            m("Fiesta", 15, 2002, 2019, &[1388, 1596]),
            m("Mondeo", 40, 2000, 2018, &[1999, 2261, 2494, 1596, 2521]).diesel(&[1997, 1998], 5),
            m("Kuga", 30, 2008, 2019, &[1596, 2521, 1497]).diesel(&[1997], 5),
            m("EcoSport", 15, 2014, 2019, &[1596, 1999]),
            m("Explorer", 10, 2000, 2019, &[3496, 3955, 2261]),
            m("Fusion", 20, 2002, 2012, &[1388, 1596]),
            m("C-Max", 8, 2003, 2015, &[1596, 1798]),
            m("S-Max", 5, 2006, 2015, &[1999, 2261, 2521]),
            m("Galaxy", 4, 2000, 2015, &[1999, 2261]).diesel(&[1997], 20),
            m("Transit", 35, 2000, 2026, &[2295])
                .diesel(&[2198, 2402], 85)
                .work(),
            m("Ranger", 4, 2006, 2015, &[]).diesel(&[2499, 2953, 2198, 3198], 100),
            m("Escape", 4, 2000, 2012, &[1999, 2261, 2967]),
            m("Maverick", 3, 2001, 2007, &[1999, 2967, 2261]),
            m("Tourneo Connect", 3, 2003, 2017, &[1798]).diesel(&[1753, 1560], 60),
        ],
    },
    MakeProfile {
        make: "Haval",
        weight: 25,
        wmi: &[("XZG", "0"), ("LGW", "ZF")],
        models: &[
            m("Jolion", 70, 2021, 2026, &[1497]),
            m("F7", 60, 2019, 2026, &[1497, 1967]),
            m("F7x", 20, 2019, 2026, &[1497, 1967]),
            m("H6", 12, 2014, 2024, &[1497, 1967]),
            m("H9", 10, 2015, 2026, &[1967]).diesel(&[1996], 20),
            m("Dargo", 25, 2022, 2026, &[1967]),
            m("Dargo X", 5, 2023, 2025, &[1967]),
            m("M6", 15, 2023, 2026, &[1497]),
            m("H2", 5, 2014, 2019, &[1497]),
            m("H5", 4, 2023, 2026, &[1967]).diesel(&[1996], 40),
        ],
    },
    MakeProfile {
        make: "Chery",
        weight: 28,
        wmi: &[("LVV", "DBF"), ("LVT", "D")],
        models: &[
            m("Tiggo 4", 20, 2019, 2022, &[1499, 1971]),
            m("Tiggo 4 Pro", 40, 2022, 2026, &[1499]),
            m("Tiggo 7 Pro", 45, 2020, 2024, &[1498]),
            m("Tiggo 7 Pro Max", 40, 2022, 2026, &[1498, 1598]),
            m("Tiggo 8", 8, 2019, 2022, &[1971, 1598]),
            m("Tiggo 8 Pro", 15, 2021, 2024, &[1598, 1998]),
            m("Tiggo 8 Pro Max", 20, 2022, 2026, &[1998, 1598]),
            m("Tiggo 9", 2, 2024, 2026, &[1998]),
            m("Tiggo", 8, 2006, 2013, &[1597, 1845, 2351]),
            m("Tiggo 2", 6, 2017, 2020, &[1497]),
            m("Tiggo 3", 6, 2014, 2020, &[1598, 1971]),
            m("Tiggo 5", 6, 2014, 2019, &[1971]),
            m("Arrizo 8", 8, 2023, 2026, &[1598]),
            m("Very", 5, 2011, 2016, &[1497]),
            m("Bonus", 6, 2011, 2016, &[1497]),
            m("Amulet", 10, 2005, 2012, &[1597]),
            m("Fora", 6, 2006, 2010, &[1597, 1971]),
            m("Kimo", 4, 2007, 2011, &[1297]),
            m("QQ", 3, 2005, 2010, &[1083]),
        ],
    },
    MakeProfile {
        make: "Geely",
        weight: 22,
        wmi: &[("Y4K", "0"), ("L6T", "BCN"), ("LB3", "N")],
        models: &[
            m("Coolray", 60, 2020, 2026, &[1477]),
            m("Atlas", 25, 2018, 2026, &[1997, 2359, 1969]),
            m("Atlas Pro", 20, 2021, 2024, &[1477]),
            m("Tugella", 10, 2020, 2026, &[1969]),
            m("Monjaro", 40, 2023, 2026, &[1969]),
            m("Okavango", 5, 2023, 2026, &[1477]),
            m("Emgrand", 15, 2022, 2026, &[1498]),
            m("Emgrand EC7", 15, 2010, 2016, &[1498, 1792]),
            m("Emgrand X7", 20, 2013, 2023, &[1997, 2378, 1799]),
            m("MK", 10, 2008, 2015, &[1498]),
            m("MK Cross", 5, 2011, 2015, &[1498]),
            m("GC6", 5, 2014, 2016, &[1498]),
            m("Preface", 5, 2023, 2026, &[1969]),
            m("Cityray", 6, 2024, 2026, &[1499]),
        ],
    },
    MakeProfile {
        make: "Changan",
        weight: 12,
        wmi: &[("LS5", "ABD"), ("LS4", "A")],
        models: &[
            m("CS35 Plus", 30, 2019, 2026, &[1399, 1598]),
            m("CS55 Plus", 30, 2021, 2026, &[1494]),
            m("CS75 Plus", 30, 2020, 2026, &[1494, 1998]),
            m("CS85", 5, 2021, 2025, &[1998]),
            m("CS95", 5, 2019, 2025, &[1998]),
            m("UNI-K", 10, 2022, 2026, &[1998]).hybrid(10),
            m("UNI-T", 5, 2021, 2025, &[1494]),
            m("UNI-V", 10, 2023, 2026, &[1494]),
            m("Alsvin", 15, 2023, 2026, &[1480]),
            m("Eado Plus", 5, 2022, 2025, &[1399]),
            m("Hunter Plus", 5, 2023, 2026, &[1998]),
            m("Lamore", 3, 2023, 2026, &[1494]),
            m("X5 Plus", 5, 2023, 2026, &[1494]),
        ],
    },
    MakeProfile {
        make: "Exeed",
        weight: 6,
        wmi: &[("LVT", "DB"), ("LVV", "D")],
        models: &[
            m("TXL", 30, 2020, 2026, &[1598]),
            m("LX", 40, 2020, 2026, &[1598, 1497]),
            m("VX", 25, 2021, 2026, &[1998]),
            m("RX", 10, 2023, 2026, &[1998]).hybrid(5),
            ev("Exlantix ES", 1, 2025, 2026),
            m("Exlantix ET", 1, 2025, 2026, &[1499]).hybrid(100),
        ],
    },
    MakeProfile {
        make: "Omoda",
        weight: 6,
        wmi: &[("LVV", "DB"), ("LVU", "D")],
        models: &[
            m("C5", 70, 2022, 2026, &[1498, 1598]),
            m("S5", 20, 2023, 2026, &[1498, 1598]),
            m("S5 GT", 5, 2023, 2025, &[1598]),
            m("C7", 5, 2024, 2026, &[1598]),
            ev("E5", 3, 2024, 2026),
        ],
    },
    MakeProfile {
        make: "Tank",
        weight: 3,
        wmi: &[("LGW", "ZF"), ("XZG", "0")],
        models: &[
            m("300", 50, 2022, 2026, &[1967]).hybrid(5),
            m("400", 10, 2024, 2026, &[1967]).hybrid(50),
            m("500", 20, 2023, 2026, &[2993]).hybrid(10),
            m("700", 2, 2024, 2026, &[2993]).hybrid(80),
        ],
    },
    MakeProfile {
        make: "Jetour",
        weight: 5,
        wmi: &[("LVV", "DE"), ("LVT", "E")],
        models: &[
            m("Dashing", 30, 2023, 2026, &[1499, 1598]),
            m("X70", 20, 2023, 2026, &[1499]),
            m("X70 Plus", 20, 2023, 2026, &[1598]),
            m("X90 Plus", 15, 2023, 2026, &[1598, 1998]),
            m("T2", 15, 2024, 2026, &[1998]),
            m("X50", 10, 2024, 2026, &[1499]),
        ],
    },
    MakeProfile {
        make: "Mazda",
        weight: 15,
        wmi: &[("JMZ", "0"), ("JM1", "0"), ("JM3", "0")],
        models: &[
            m("3", 60, 2003, 2019, &[1598, 1999, 1496, 1498]),
            m("6", 50, 2002, 2023, &[1798, 1999, 2488, 2261]),
            m("CX-5", 40, 2011, 2024, &[1998, 2488]).diesel(&[2191], 3),
            m("CX-7", 8, 2006, 2012, &[2261, 2488]),
            m("CX-9", 6, 2007, 2023, &[3726, 2488]),
            m("CX-30", 4, 2019, 2023, &[1998]),
            m("CX-3", 2, 2015, 2021, &[1998, 1496]),
            m("2", 6, 2002, 2014, &[1348, 1498]),
            m("5", 4, 2005, 2015, &[1798, 1999]),
            m("Demio", 4, 2000, 2014, &[1348, 1498]),
            m("Tribute", 3, 2001, 2010, &[1999, 2261, 2967]),
            m("BT-50", 3, 2006, 2015, &[]).diesel(&[2499, 2953], 100),
            m("MPV", 1, 2000, 2006, &[2255, 2967]),
            m("RX-8", 1, 2003, 2012, &[1308]),
        ],
    },
    MakeProfile {
        make: "Daewoo",
        weight: 15,
        wmi: &[("XWB", "UE"), ("KLA", "B"), ("Y6D", "0")],
        models: &[
            m("Nexia", 55, 2000, 2016, &[1498, 1598]).gas(5),
            m("Matiz", 40, 2000, 2015, &[796, 995]),
            m("Lanos", 12, 2000, 2009, &[1498, 1598]),
            m("Gentra", 8, 2013, 2015, &[1485]),
            m("Nubira", 2, 2000, 2003, &[1598, 1998]),
            m("Leganza", 2, 2000, 2002, &[1998]),
        ],
    },
    MakeProfile {
        make: "Opel",
        weight: 10,
        wmi: &[("W0L", "0B"), ("XUF", "K")],
        models: &[
            m("Astra", 50, 2000, 2015, &[1364, 1598, 1796, 1398]).diesel(&[1686], 5),
            m("Corsa", 15, 2000, 2014, &[1229, 1364, 998]),
            m("Vectra", 15, 2000, 2008, &[1796, 2198]),
            m("Insignia", 12, 2008, 2015, &[1796, 1598, 1998]),
            m("Zafira", 12, 2000, 2015, &[1598, 1796, 1364]),
            m("Mokka", 8, 2012, 2015, &[1364, 1796]),
            m("Antara", 8, 2006, 2015, &[2405, 3175, 2384]).diesel(&[1991, 2231], 20),
            m("Meriva", 5, 2003, 2015, &[1364, 1598]),
            m("Omega", 2, 2000, 2003, &[2198, 2597]),
            m("Frontera", 2, 2000, 2004, &[2198, 3165]).diesel(&[2171], 30),
            m("Combo", 2, 2001, 2011, &[1364, 1598])
                .diesel(&[1248], 30)
                .work(),
            m("Vivaro", 2, 2001, 2018, &[])
                .diesel(&[1995, 2464, 1598], 100)
                .work(),
        ],
    },
    MakeProfile {
        make: "Mercedes-Benz",
        weight: 20,
        wmi: &[
            ("WDD", "AB"),
            ("WDB", "AF"),
            ("WDC", "AF"),
            ("W1K", "AB"),
            ("W1N", "AF"),
            ("WDF", "3"),
        ],
        models: &[
            m("E-Class", 40, 2000, 2024, &[1991, 2996, 3498, 1796]).diesel(&[2143, 2987], 25),
            m("C-Class", 35, 2000, 2024, &[1796, 1595, 1991, 1497]).diesel(&[2143], 10),
            m("S-Class", 8, 2000, 2024, &[2996, 4663, 3498]).diesel(&[2925, 2987], 10),
            m("GLE", 12, 2015, 2024, &[2996, 1991]).diesel(&[2143, 2987, 2925], 45),
            m("GLC", 12, 2015, 2024, &[1991]).diesel(&[2143, 1950], 25),
            m("M-Class", 10, 2000, 2015, &[3498, 3724, 4663]).diesel(&[2987, 2143], 40),
            m("GL-Class", 5, 2006, 2015, &[4663, 5461]).diesel(&[2987], 50),
            m("A-Class", 6, 2000, 2023, &[1598, 1332, 1595, 1991]),
            m("B-Class", 5, 2005, 2023, &[1595, 1699, 2034]),
            m("G-Class", 3, 2000, 2024, &[3982, 5461, 4966]).diesel(&[2925, 2987], 30),
            m("GLK-Class", 5, 2008, 2015, &[3498, 1991]).diesel(&[2143], 30),
            m("V-Class", 3, 2014, 2024, &[1991]).diesel(&[2143, 1950], 60),
            m("CLA", 4, 2013, 2023, &[1595, 1991, 1332]),
            m("CLS", 2, 2004, 2023, &[3498, 2996, 4663]).diesel(&[2987], 10),
            m("GLA", 4, 2014, 2023, &[1595, 1991, 1332]),
            m("GLS", 4, 2016, 2024, &[2999, 3982]).diesel(&[2925, 2987], 40),
            m("Sprinter", 15, 2000, 2024, &[1796])
                .diesel(&[2143, 2148, 2987], 95)
                .work(),
            m("Vito", 8, 2000, 2024, &[1796])
                .diesel(&[2143, 2148], 90)
                .work(),
            m("Viano", 3, 2003, 2014, &[3498]).diesel(&[2143, 2987], 60),
        ],
    },
    MakeProfile {
        make: "BMW",
        weight: 15,
        wmi: &[
            ("WBA", "ACDEGLNP"),
            ("X4X", "K"),
            ("WBS", "C"),
            ("WBY", "V"),
        ],
        models: &[
            m("3 Series", 30, 2000, 2024, &[1995, 1998, 2996, 1597, 2979]).diesel(&[1995], 10),
            m("5 Series", 35, 2000, 2024, &[2494, 2996, 2979, 1998, 4395])
                .diesel(&[2993, 1995], 20),
            m("7 Series", 5, 2000, 2024, &[2979, 4395]).diesel(&[2993], 20),
            m("1 Series", 5, 2004, 2019, &[1596, 1995, 1499]),
            m("X1", 10, 2009, 2024, &[1995, 1998, 1499]).diesel(&[1995], 15),
            m("X3", 20, 2003, 2024, &[1995, 2497, 2996, 1998]).diesel(&[1995, 2993], 30),
            m("X4", 5, 2014, 2024, &[1998, 2998]).diesel(&[1995, 2993], 30),
            m("X5", 25, 2000, 2024, &[2979, 2996, 4395, 4799, 2998]).diesel(&[2993, 2926], 50),
            m("X6", 8, 2008, 2024, &[2979, 4395, 2998]).diesel(&[2993], 50),
            m("X7", 3, 2019, 2024, &[2998, 4395]).diesel(&[2993], 50),
            m("M5", 1, 2005, 2024, &[4395, 4999]),
        ],
    },
    MakeProfile {
        make: "Audi",
        weight: 10,
        wmi: &[("WAU", "ANZ"), ("WA1", "DY"), ("TRU", "1")],
        models: &[
            m("A3", 8, 2000, 2020, &[1395, 1598, 1798, 1390]),
            m("A4", 30, 2000, 2020, &[1781, 1798, 1984, 1395]).diesel(&[1968], 10),
            m("A4 allroad", 2, 2009, 2020, &[1984]).diesel(&[1968], 30),
            m("A5", 6, 2007, 2022, &[1798, 1984]),
            m("A6", 30, 2000, 2022, &[1984, 2393, 2773, 2995, 2976]).diesel(&[2967, 1968], 15),
            m("A6 allroad", 3, 2000, 2022, &[2773, 2995]).diesel(&[2967], 40),
            m("A8", 3, 2002, 2022, &[2995, 4163]).diesel(&[2967], 25),
            m("Q3", 8, 2011, 2022, &[1395, 1984]),
            m("Q5", 20, 2008, 2022, &[1984]).diesel(&[1968, 2967], 20),
            m("Q7", 15, 2006, 2022, &[2995, 3597]).diesel(&[2967], 45),
            m("Q8", 3, 2018, 2022, &[2995]).diesel(&[2967], 30),
            m("TT", 1, 2000, 2018, &[1781, 1984]),
            ev("e-tron", 1, 2019, 2022),
        ],
    },
    MakeProfile {
        make: "Lexus",
        weight: 8,
        wmi: &[("JTH", "0"), ("JTJ", "0"), ("2T2", "0")],
        models: &[
            m("RX", 35, 2000, 2024, &[2994, 3456, 2672, 1998]).hybrid(15),
            m("NX", 20, 2014, 2024, &[1998, 2487, 2393]).hybrid(10),
            m("LX", 15, 2000, 2024, &[4664, 5663, 3445]).diesel(&[4461, 3346], 15),
            m("GX", 10, 2002, 2024, &[4608, 3956]),
            m("ES", 10, 2006, 2024, &[2494, 3456, 1998]).hybrid(5),
            m("IS", 5, 2000, 2020, &[2499, 1998]),
            m("GS", 5, 2000, 2018, &[2995, 3456]),
            m("LS", 2, 2000, 2020, &[4608, 3456]),
            m("UX", 3, 2018, 2024, &[1987]).hybrid(50),
            m("CT", 2, 2011, 2020, &[1798]).hybrid(100),
        ],
    },
    MakeProfile {
        make: "Honda",
        weight: 10,
        wmi: &[("JHM", "0"), ("JHL", "0"), ("SHH", "0")],
        models: &[
            m("Civic", 30, 2000, 2021, &[1339, 1497, 1598, 1798]),
            m("Accord", 30, 2000, 2018, &[1997, 2354, 2356, 3471]),
            m("CR-V", 40, 2000, 2024, &[1997, 2354, 2356, 1498]),
            m("Pilot", 5, 2008, 2016, &[3471]),
            m("Jazz", 8, 2002, 2015, &[1339, 1497]),
            m("Fit", 10, 2001, 2020, &[1339, 1496]).hybrid(20),
            m("HR-V", 5, 2000, 2021, &[1590, 1799]),
            m("Stepwgn", 4, 2000, 2022, &[1998, 1496]),
            m("Freed", 4, 2008, 2022, &[1496]).hybrid(30),
            m("Vezel", 6, 2013, 2024, &[1496]).hybrid(40),
            m("Odyssey", 3, 2000, 2020, &[2354, 2356, 3471]),
        ],
    },
    MakeProfile {
        make: "Subaru",
        weight: 6,
        wmi: &[("JF1", "0"), ("JF2", "0")],
        models: &[
            m("Forester", 40, 2000, 2024, &[1994, 2457, 1995, 2498]),
            m("Outback", 20, 2003, 2024, &[2457, 2498, 3630]),
            m("Impreza", 15, 2000, 2016, &[1498, 1994, 1599]),
            m("Legacy", 12, 2000, 2017, &[1994, 2457, 2498]),
            m("XV", 10, 2011, 2024, &[1600, 1995]),
            m("Tribeca", 2, 2005, 2014, &[3630]),
            m("WRX", 2, 2014, 2021, &[1998, 2457]),
            m("Levorg", 1, 2014, 2024, &[1599, 1998]),
        ],
    },
    MakeProfile {
        make: "Suzuki",
        weight: 7,
        wmi: &[("JSA", "0"), ("TSM", "0"), ("JS3", "0")],
        models: &[
            m("Grand Vitara", 40, 2000, 2016, &[1995, 2393, 1590]),
            m("SX4", 30, 2006, 2022, &[1586, 1590, 1373]),
            m("Jimny", 10, 2000, 2024, &[1328, 1462]),
            m("Swift", 10, 2004, 2017, &[1328, 1490, 1242]),
            m("Vitara", 10, 2015, 2022, &[1586, 1373]),
            m("Escudo", 5, 2000, 2016, &[1995, 2393]),
            m("Liana", 5, 2001, 2007, &[1586]),
            m("Splash", 3, 2008, 2014, &[1242]),
            m("Kizashi", 1, 2010, 2014, &[2393]),
            m("Ignis", 2, 2000, 2008, &[1328, 1490]),
        ],
    },
    MakeProfile {
        make: "Volvo",
        weight: 5,
        wmi: &[("YV1", "12"), ("YV4", "12")],
        models: &[
            m("XC90", 25, 2002, 2024, &[2521, 3192, 1969]).diesel(&[2400, 1969], 40),
            m("XC60", 25, 2008, 2024, &[1969, 2953, 2521]).diesel(&[1969, 2400], 30),
            m("XC40", 5, 2018, 2022, &[1969, 1477]),
            m("XC70", 10, 2000, 2016, &[2521, 3192]).diesel(&[2400], 30),
            m("S60", 15, 2000, 2022, &[2435, 1596, 1969, 2521]),
            m("S80", 10, 2000, 2016, &[2435, 2521, 3192]).diesel(&[2400], 15),
            m("S40", 12, 2000, 2012, &[1798, 2435, 1783]),
            m("S90", 4, 2016, 2022, &[1969]),
            m("V40", 3, 2000, 2019, &[1596, 1783, 1969]),
            m("V60", 1, 2011, 2022, &[1969]).diesel(&[1969], 30),
            m("V70", 3, 2000, 2016, &[2435]).diesel(&[2400], 30),
        ],
    },
    MakeProfile {
        make: "Land Rover",
        weight: 4,
        wmi: &[("SAL", "AH")],
        models: &[
            m("Range Rover", 15, 2002, 2022, &[4394, 4999, 2995]).diesel(&[2993, 4367], 50),
            m("Range Rover Sport", 20, 2005, 2022, &[4394, 4999, 2995]).diesel(&[2993, 2720], 50),
            m("Range Rover Evoque", 15, 2011, 2022, &[1999, 1997]).diesel(&[2179, 1999], 20),
            m("Range Rover Velar", 5, 2017, 2022, &[1997, 2995]).diesel(&[1999, 2993], 30),
            m("Discovery", 15, 2004, 2022, &[4394, 2995]).diesel(&[2720, 2993], 70),
            m("Discovery Sport", 10, 2015, 2022, &[1999]).diesel(&[2179, 1999], 30),
            m("Freelander", 15, 2000, 2014, &[1796, 3192, 2495, 1999]).diesel(&[2179, 1951], 30),
            m("Defender", 5, 2000, 2024, &[1997, 2995]).diesel(&[2402, 2198, 2996], 60),
        ],
    },
    MakeProfile {
        make: "Peugeot",
        weight: 5,
        wmi: &[("VF3", "LSY"), ("Z8T", "0")],
        models: &[
            m("206", 15, 2000, 2012, &[1360, 1587, 1124]),
            m("207", 15, 2006, 2013, &[1397, 1598]),
            m("208", 5, 2012, 2020, &[1199, 1598]),
            m("307", 15, 2001, 2008, &[1587, 1997, 1598]),
            m("308", 20, 2007, 2021, &[1598, 1199]),
            m("406", 3, 2000, 2004, &[1749, 1997]),
            m("407", 10, 2004, 2011, &[1997, 2230]),
            m("408", 25, 2012, 2022, &[1587, 1598]).diesel(&[1560], 10),
            m("2008", 3, 2013, 2020, &[1199, 1598]),
            m("3008", 10, 2009, 2022, &[1598]).diesel(&[1997], 15),
            m("4008", 4, 2012, 2017, &[1998]),
            m("5008", 3, 2009, 2022, &[1598]).diesel(&[1997], 15),
            m("Partner", 10, 2000, 2022, &[1360, 1587, 1598])
                .diesel(&[1560, 1997], 40)
                .work(),
            m("Boxer", 8, 2000, 2022, &[])
                .diesel(&[2198, 2179, 2287], 100)
                .work(),
            m("107", 2, 2005, 2014, &[998]),
        ],
    },
    MakeProfile {
        make: "Citroen",
        weight: 5,
        wmi: &[("VF7", "LSY"), ("Z8T", "0")],
        models: &[
            m("C4", 30, 2004, 2022, &[1598, 1587]).diesel(&[1560], 10),
            m("C3", 15, 2002, 2019, &[1360, 1587, 1598, 1124]),
            m("C5", 15, 2001, 2017, &[1749, 1997, 1598]),
            m("C4 Picasso", 10, 2006, 2018, &[1598, 1749]).diesel(&[1560, 1997], 15),
            m("C-Crosser", 5, 2007, 2012, &[1998, 2360]),
            m("C-Elysee", 10, 2013, 2020, &[1587, 1199]),
            m("Berlingo", 15, 2000, 2022, &[1360, 1587, 1598])
                .diesel(&[1560, 1997], 40)
                .work(),
            m("Jumper", 10, 2000, 2022, &[])
                .diesel(&[2198, 2179, 2287], 100)
                .work(),
            m("Jumpy", 4, 2000, 2022, &[])
                .diesel(&[1560, 1997], 100)
                .work(),
            m("C5 Aircross", 5, 2019, 2022, &[1598]),
            m("C3 Aircross", 2, 2018, 2022, &[1199]),
            m("C4 Aircross", 3, 2012, 2017, &[1998, 1590]),
            m("Xsara", 8, 2000, 2006, &[1360, 1587, 1749]),
        ],
    },
    MakeProfile {
        make: "UAZ",
        weight: 12,
        wmi: &[("XTT", "0")],
        models: &[
            m("Патриот", 55, 2005, 2026, &[2693])
                .diesel(&[2235], 5)
                .gas(3),
            m("Хантер", 20, 2003, 2024, &[2693, 2890])
                .diesel(&[2235], 3)
                .gas(3),
            m("Пикап", 10, 2008, 2026, &[2693])
                .diesel(&[2235], 5)
                .work(),
            m("Карго", 2, 2008, 2016, &[2693]).work(),
            m("Профи", 8, 2017, 2026, &[2693]).gas(10).work(),
            m("Буханка", 30, 2000, 2026, &[2693, 2890, 2445])
                .gas(10)
                .work(),
            m("469", 5, 2000, 2012, &[2445, 2890]),
            m("3909", 8, 2000, 2026, &[2693, 2890]).gas(8).work(),
            m("3303", 4, 2000, 2026, &[2693, 2890]).gas(8).work(),
            m("3962", 4, 2000, 2026, &[2693, 2890]).gas(5).work(),
        ],
    },
    MakeProfile {
        make: "GAZ",
        weight: 18,
        wmi: &[("X96", "0"), ("XTH", "0")],
        models: &[
            m("Газель Next", 40, 2013, 2026, &[2690])
                .diesel(&[2781], 60)
                .gas(8)
                .work(),
            m("Газель NN", 6, 2023, 2026, &[2690])
                .diesel(&[2781], 60)
                .work(),
            m("Газель Бизнес", 45, 2010, 2026, &[2690, 2890])
                .diesel(&[2781], 30)
                .gas(15)
                .work(),
            m("Газель", 25, 2000, 2010, &[2445, 2286, 2464])
                .gas(25)
                .work(),
            m("Соболь", 15, 2000, 2023, &[2286, 2464, 2890, 2690])
                .diesel(&[2781], 10)
                .gas(10)
                .work(),
            m("Соболь NN", 2, 2023, 2026, &[2690])
                .diesel(&[2781], 40)
                .work(),
            m("Соболь Бизнес", 8, 2010, 2022, &[2690, 2890])
                .diesel(&[2781], 20)
                .gas(8)
                .work(),
            m("Газон Next", 5, 2014, 2026, &[])
                .diesel(&[4430], 100)
                .work(),
            m("Валдай", 2, 2004, 2016, &[]).diesel(&[3760], 100).work(),
            m("Волга Сайбер", 2, 2008, 2010, &[2429]),
            m("31105", 10, 2004, 2009, &[2286, 2429]).gas(10),
            m("3110", 8, 2000, 2005, &[2286, 2445]).gas(10),
            m("3102", 4, 2000, 2008, &[2286, 2445]).gas(5),
        ],
    },
    MakeProfile {
        make: "Moskvich",
        weight: 3,
        wmi: &[("XTZ", "0"), ("LJ1", "2")],
        models: &[
            m("3", 60, 2022, 2026, &[1499]),
            ev("3e", 10, 2023, 2026),
            m("6", 15, 2024, 2026, &[1499]),
            m("2141", 5, 2000, 2001, &[1699, 1568]),
            m("Святогор", 3, 2000, 2002, &[1998]),
        ],
    },
    MakeProfile {
        make: "Belgee",
        weight: 2,
        wmi: &[("Y4K", "0")],
        models: &[
            m("X50", 80, 2023, 2026, &[1477]),
            m("X70", 15, 2024, 2026, &[1969]),
            m("S50", 10, 2024, 2026, &[1499]),
        ],
    },
    MakeProfile {
        make: "Tenet",
        weight: 4,
        wmi: &[("XW8", "K"), ("LVV", "D")],
        models: &[
            m("T4", 30, 2025, 2026, &[1499]),
            m("T7", 50, 2025, 2026, &[1598]),
            m("T8", 20, 2025, 2026, &[1598, 1998]),
        ],
    },
    MakeProfile {
        make: "Solaris",
        weight: 3,
        wmi: &[("Z94", "C")],
        models: &[
            m("HS", 50, 2024, 2026, &[1591]),
            m("HC", 15, 2024, 2026, &[1591]),
            m("KRS", 25, 2024, 2026, &[1591]),
            m("KRX", 15, 2024, 2026, &[1591]),
        ],
    },
    MakeProfile {
        make: "JAC",
        weight: 3,
        wmi: &[("LJ1", "2"), ("LJ1", "E")],
        models: &[
            m("JS4", 15, 2022, 2026, &[1499]),
            m("JS6", 10, 2023, 2026, &[1499]),
            m("J7", 15, 2020, 2026, &[1499]),
            m("S3", 20, 2014, 2020, &[1590]),
            m("S5", 10, 2013, 2018, &[1997, 1499]),
            m("T6", 8, 2020, 2026, &[1997]).diesel(&[1999], 50),
            m("T8", 8, 2022, 2026, &[1997]).diesel(&[1999], 50),
            m("N56", 6, 2020, 2026, &[]).diesel(&[2771], 100).work(),
            m("Sunray", 2, 2022, 2026, &[]).diesel(&[2771], 100).work(),
        ],
    },
    MakeProfile {
        make: "FAW",
        weight: 2,
        wmi: &[("LFP", "0"), ("LFB", "0")],
        models: &[
            m("Bestune T77", 20, 2019, 2026, &[1498]),
            m("Bestune T99", 5, 2020, 2026, &[1998]),
            m("Bestune B70", 5, 2021, 2026, &[1498]),
            m("Besturn B50", 20, 2012, 2018, &[1598]),
            m("Besturn X80", 20, 2016, 2020, &[1997]),
            m("Besturn X40", 5, 2017, 2020, &[1598]),
            m("V5", 10, 2012, 2016, &[1497]),
            m("Oley", 5, 2014, 2016, &[1497]),
        ],
    },
    MakeProfile {
        make: "Great Wall",
        weight: 4,
        wmi: &[("LGW", "CDF")],
        models: &[
            m("Hover", 25, 2005, 2010, &[2351]).diesel(&[2771], 20),
            m("Hover H3", 30, 2010, 2016, &[1997, 2351]),
            m("Hover H5", 25, 2010, 2017, &[2351]).diesel(&[1996], 20),
            m("Safe", 10, 2005, 2010, &[2237]),
            m("Wingle 5", 10, 2011, 2018, &[2237])
                .diesel(&[2771, 1996], 30)
                .work(),
            m("Wingle 7", 4, 2018, 2022, &[])
                .diesel(&[1996], 100)
                .work(),
            m("Poer", 6, 2021, 2025, &[1967]).diesel(&[2378], 50),
        ],
    },
    MakeProfile {
        make: "SsangYong",
        weight: 4,
        wmi: &[("KPT", "0")],
        models: &[
            m("Kyron", 30, 2005, 2015, &[2295]).diesel(&[1998], 50),
            m("Actyon", 25, 2006, 2015, &[2295, 1998]).diesel(&[1998], 40),
            m("Actyon Sports", 10, 2006, 2016, &[2295]).diesel(&[1998], 50),
            m("Rexton", 20, 2002, 2017, &[2295, 3199]).diesel(&[2696, 1998], 50),
            m("Korando", 8, 2010, 2015, &[1998]).diesel(&[1998], 30),
            m("Tivoli", 3, 2015, 2017, &[1597]),
            m("Stavic", 2, 2013, 2016, &[]).diesel(&[1998], 100),
            m("Musso", 3, 2000, 2005, &[2295, 3199]).diesel(&[2874], 40),
        ],
    },
    MakeProfile {
        make: "Datsun",
        weight: 5,
        wmi: &[("Z8N", "0")],
        models: &[
            m("on-DO", 70, 2014, 2020, &[1596]).gas(3),
            m("mi-DO", 30, 2015, 2020, &[1596]),
        ],
    },
    MakeProfile {
        make: "Lifan",
        weight: 4,
        wmi: &[("LLV", "0")],
        models: &[
            m("Solano", 30, 2008, 2018, &[1587, 1794]),
            m("X60", 30, 2012, 2019, &[1794]),
            m("Smily", 15, 2011, 2018, &[1342]),
            m("Breez", 10, 2007, 2012, &[1342, 1587]),
            m("Cebrium", 5, 2014, 2017, &[1794]),
            m("Celliya", 5, 2014, 2016, &[1497]),
            m("X50", 5, 2015, 2018, &[1497]),
            m("Murman", 3, 2016, 2018, &[1794]),
            m("Myway", 5, 2016, 2019, &[1794]),
        ],
    },
    MakeProfile {
        make: "Infiniti",
        weight: 3,
        wmi: &[("JNK", "M"), ("JNR", "M"), ("JN1", "M")],
        models: &[
            m("FX35", 30, 2003, 2012, &[3498]),
            m("FX37", 10, 2010, 2013, &[3696]),
            m("FX50", 2, 2008, 2013, &[5026]),
            m("EX35", 8, 2008, 2013, &[3498]),
            m("G25", 5, 2010, 2013, &[2495]),
            m("G35", 5, 2007, 2013, &[3498]),
            m("M35", 3, 2006, 2013, &[3498]),
            m("Q50", 6, 2013, 2022, &[1991, 1997, 2997]),
            m("Q70", 2, 2013, 2019, &[2495, 3696]),
            m("JX35", 2, 2012, 2013, &[3498]),
            m("QX50", 20, 2013, 2022, &[2495, 1997]),
            m("QX56", 5, 2004, 2013, &[5552]),
            m("QX60", 10, 2013, 2022, &[3498]),
            m("QX70", 15, 2013, 2017, &[3696]),
            m("QX80", 10, 2013, 2022, &[5552]),
        ],
    },
    MakeProfile {
        make: "Porsche",
        weight: 2,
        wmi: &[("WP1", "AL"), ("WP0", "AS")],
        models: &[
            m("Cayenne", 60, 2002, 2022, &[3598, 4806, 2995, 3996, 2894])
                .diesel(&[2967], 15)
                .hybrid(3),
            m("Macan", 25, 2014, 2022, &[1984, 2995, 2894]),
            m("Panamera", 10, 2009, 2022, &[3605, 4806, 2894, 3996]),
            m("911", 3, 2000, 2022, &[3596, 3800, 2981]),
            ev("Taycan", 1, 2020, 2022),
            m("Cayman", 1, 2005, 2022, &[2687, 3436, 1988]),
            m("Boxster", 1, 2000, 2022, &[2687, 3179, 3436]),
        ],
    },
    MakeProfile {
        make: "Dongfeng",
        weight: 2,
        wmi: &[("LGJ", "E")],
        models: &[
            m("580", 20, 2019, 2025, &[1499]),
            m("AX7", 10, 2015, 2020, &[1997]),
            m("Shine Max", 15, 2023, 2026, &[1498]),
            m("Shine", 10, 2023, 2026, &[1498]),
            m("H30 Cross", 10, 2014, 2018, &[1598]),
            m("Huge", 5, 2023, 2026, &[1498]).hybrid(100),
            m("Rich", 5, 2015, 2022, &[]).diesel(&[2488], 100).work(),
        ],
    },
    MakeProfile {
        make: "GAC",
        weight: 2,
        wmi: &[("LMG", "AH")],
        models: &[
            m("GS3", 20, 2021, 2026, &[1490]),
            m("GS4", 20, 2023, 2026, &[1490]),
            m("GS8", 30, 2021, 2026, &[1991]),
            m("M8", 10, 2023, 2026, &[1991]),
            m("Emkoo", 10, 2024, 2026, &[1991]),
            m("Empow", 5, 2024, 2026, &[1991]),
        ],
    },
    MakeProfile {
        make: "Kaiyi",
        weight: 2,
        wmi: &[("LUR", "0")],
        models: &[
            m("E5", 40, 2023, 2026, &[1499]),
            m("X3", 15, 2023, 2026, &[1499]),
            m("X3 Pro", 30, 2023, 2026, &[1499]),
            m("X7 Kunlun", 15, 2024, 2026, &[1598]),
        ],
    },
    MakeProfile {
        make: "LiXiang",
        weight: 3,
        wmi: &[("LW4", "3")],
        models: &[
            m("L6", 15, 2024, 2026, &[1496]).hybrid(100),
            m("L7", 35, 2023, 2026, &[1496]).hybrid(100),
            m("L8", 15, 2023, 2026, &[1496]).hybrid(100),
            m("L9", 30, 2022, 2026, &[1496]).hybrid(100),
            ev("Mega", 2, 2024, 2026),
        ],
    },
    MakeProfile {
        make: "Voyah",
        weight: 1,
        wmi: &[("LDP", "9")],
        models: &[
            m("Free", 50, 2022, 2026, &[1498]).hybrid(60).electric(40),
            m("Dream", 30, 2023, 2026, &[1498]).hybrid(80).electric(20),
            ev("Passion", 10, 2024, 2026),
        ],
    },
    MakeProfile {
        make: "Zeekr",
        weight: 1,
        wmi: &[("L6T", "N")],
        models: &[
            ev("001", 60, 2021, 2026),
            ev("007", 15, 2024, 2026),
            ev("7X", 10, 2024, 2026),
            ev("X", 10, 2023, 2026),
        ],
    },
    MakeProfile {
        make: "Jeep",
        weight: 2,
        wmi: &[("1C4", "C"), ("1J4", "C"), ("1J8", "C")],
        models: &[
            m("Grand Cherokee", 60, 2000, 2022, &[3604, 4701, 5654, 3959]).diesel(&[2987], 20),
            m("Cherokee", 20, 2001, 2019, &[3701, 2360, 3239]).diesel(&[2776], 10),
            m("Wrangler", 15, 2000, 2022, &[3605, 3778, 1995]).diesel(&[2776], 10),
            m("Compass", 10, 2007, 2018, &[1998, 2360]),
            m("Renegade", 5, 2014, 2020, &[1368, 2360]),
            m("Liberty", 5, 2001, 2012, &[3701]),
        ],
    },
    MakeProfile {
        make: "Fiat",
        weight: 2,
        wmi: &[("ZFA", "0"), ("NM4", "0")],
        models: &[
            m("Albea", 40, 2005, 2012, &[1368]),
            m("Doblo", 25, 2001, 2015, &[1368, 1596])
                .diesel(&[1248, 1910], 30)
                .work(),
            m("Ducato", 25, 2000, 2022, &[])
                .diesel(&[2287, 2999, 2800], 100)
                .work(),
            m("Linea", 5, 2007, 2012, &[1368]),
            m("Punto", 5, 2000, 2012, &[1242, 1368]),
            m("500", 5, 2008, 2020, &[1242, 1368]),
        ],
    },
    MakeProfile {
        make: "Tesla",
        weight: 1,
        wmi: &[("5YJ", "F"), ("7SA", "F"), ("LRW", "C")],
        models: &[
            ev("Model 3", 35, 2018, 2024),
            ev("Model S", 25, 2013, 2024),
            ev("Model X", 15, 2016, 2024),
            ev("Model Y", 30, 2020, 2024),
        ],
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::domain::catalogue::BUILT_IN;

    #[test]
    fn same_seed_same_fleet() {
        let first: Vec<VehicleSeed> = Fleet::new(42).take(1000).collect();
        let again: Vec<VehicleSeed> = Fleet::new(42).take(1000).collect();
        assert_eq!(first, again);
        let other: Vec<VehicleSeed> = Fleet::new(43).take(1000).collect();
        assert_ne!(first, other);
    }

    #[test]
    fn vins_and_plates_are_unique() {
        let count = 200_000;
        let mut vins = HashSet::with_capacity(count);
        let mut plates = HashSet::with_capacity(count);
        for car in Fleet::new(7).take(count) {
            assert!(vins.insert(car.vin), "duplicate VIN");
            assert!(plates.insert(car.plate), "duplicate plate");
        }
    }

    #[test]
    fn serials_and_plate_numbers_are_permutations() {
        for (size, bits) in [(VIN_SERIALS, VIN_SERIAL_BITS), (PLATE_SPACE, PLATE_BITS)] {
            let mut seen = vec![false; usize::try_from(size).expect("fits")];
            for n in 0..size {
                let k =
                    usize::try_from(permute(n, size, bits, 0xDEAD_BEEF_1234_5678)).expect("fits");
                assert!(!seen[k], "{n} collides");
                seen[k] = true;
            }
        }
    }

    #[test]
    fn vins_are_valid() {
        for car in Fleet::new(1).take(20_000) {
            let vin = car.vin.as_bytes();
            assert_eq!(vin.len(), 17, "{}", car.vin);
            assert!(vin.iter().all(|c| VIN_ALPHABET.contains(c)), "{}", car.vin);
            assert_eq!(check_digit(vin), Some(vin[8]), "{}", car.vin);
            assert_eq!(vin[9], year_code(car.year), "{}", car.vin);
        }
        // The textbook example.
        assert_eq!(check_digit(b"1M8GDM9AXKP042788"), Some(b'X'));
        assert_eq!(check_digit(b"XTA21901"), None);
    }

    #[test]
    fn year_codes() {
        assert_eq!(year_code(2000), b'Y');
        assert_eq!(year_code(2001), b'1');
        assert_eq!(year_code(2009), b'9');
        assert_eq!(year_code(2010), b'A');
        assert_eq!(year_code(2018), b'J');
        assert_eq!(year_code(2023), b'P');
        assert_eq!(year_code(2026), b'T');
    }

    #[test]
    fn plates_have_the_private_shape() {
        let regions: HashSet<&str> = REGIONS.iter().map(|r| r.0).collect();
        for car in Fleet::new(3).take(20_000) {
            let chars: Vec<char> = car.plate.chars().collect();
            assert!((8..=9).contains(&chars.len()), "{}", car.plate);
            let letter = |i: usize| PLATE_LETTERS.contains(&chars[i]);
            let digit = |i: usize| chars[i].is_ascii_digit();
            assert!(
                letter(0) && digit(1) && digit(2) && digit(3) && letter(4) && letter(5),
                "{}",
                car.plate
            );
            assert_ne!(&chars[1..4], &['0', '0', '0'], "{}", car.plate);
            let region: String = chars[6..].iter().collect();
            assert!(regions.contains(region.as_str()), "{}", car.plate);
        }
    }

    #[test]
    fn makes_and_models_are_in_the_catalogue() {
        for make in MAKES {
            let entry = BUILT_IN.iter().find(|e| e.make == make.make);
            let Some(entry) = entry else {
                panic!("{} is not in the catalogue", make.make);
            };
            for model in make.models {
                assert!(
                    entry.models.contains(&model.name),
                    "{} {}",
                    make.make,
                    model.name
                );
                assert!(
                    model.years.0 >= FIRST_YEAR
                        && model.years.0 <= model.years.1
                        && model.years.1 <= CURRENT_YEAR,
                    "{} {}",
                    make.make,
                    model.name
                );
            }
            for (wmi, plants) in make.wmi {
                assert_eq!(wmi.len(), 3);
                assert!(!plants.is_empty());
            }
        }
        for car in Fleet::new(11).take(5_000) {
            let entry = BUILT_IN.iter().find(|e| e.make == car.make);
            assert!(
                entry.is_some_and(|e| e.models.contains(&car.model.as_str())),
                "{} {}",
                car.make,
                car.model
            );
        }
    }

    #[test]
    fn the_car_park_looks_russian() {
        let cars: Vec<VehicleSeed> = Fleet::new(2026).take(10_000).collect();
        let lada = cars.iter().filter(|c| c.make == "LADA").count();
        assert!(
            (2_000..=3_500).contains(&lada),
            "LADA share {lada} of 10000"
        );
        let petrol = cars.iter().filter(|c| c.fuel == FuelSeed::Petrol).count();
        assert!(petrol > 7_500, "petrol {petrol}");
        for car in &cars {
            assert!((FIRST_YEAR..=CURRENT_YEAR).contains(&car.year));
            assert_eq!(
                car.engine_volume_cc.is_none(),
                car.fuel == FuelSeed::Electric,
                "{car:?}"
            );
            let age = u32::from(CURRENT_YEAR - car.year);
            assert!(car.odometer_km <= (age + 1) * 60_000, "{car:?}");
        }
        let bulk = cars
            .iter()
            .filter(|c| (2008..=2022).contains(&c.year))
            .count();
        assert!(bulk > 6_000, "2008–2022: {bulk}");
    }
}
