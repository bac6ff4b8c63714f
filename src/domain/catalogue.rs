//! The built-in make/model catalogue: the makes and models a Russian repair
//! shop sees in 2026, spelled the way the market spells them (LADA, UAZ and GAZ
//! models in Cyrillic where that is how owners write them). The migration
//! `20261127000002_vehicle_catalogue.sql` seeds the same list into
//! `vehicle_makes`/`vehicle_models`, where the shop edits it; a test below keeps
//! the two in step. The order is the order of the make list: common makes first.

/// One make and its models, in the order the desk offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogueMake {
    pub make: &'static str,
    pub models: &'static [&'static str],
}

/// The catalogue shipped with the app; a make's `position` is its index here.
pub const BUILT_IN: &[CatalogueMake] = &[
    CatalogueMake {
        make: "LADA",
        models: &[
            "Granta",
            "Vesta",
            "Niva Legend",
            "Niva Travel",
            "4x4",
            "Largus",
            "XRAY",
            "Priora",
            "Kalina",
            "Iskra",
            "Aura",
            "2104",
            "2105",
            "2106",
            "2107",
            "2109",
            "2110",
            "2112",
            "2114",
            "2115",
        ],
    },
    CatalogueMake {
        make: "Kia",
        models: &[
            "Rio", "Rio X", "Ceed", "Cerato", "Optima", "K5", "Sportage", "Sorento", "Soul",
            "Seltos", "Picanto", "Carnival", "Mohave", "Stinger", "Venga", "Spectra", "Carens",
        ],
    },
    CatalogueMake {
        make: "Hyundai",
        models: &[
            "Solaris",
            "Creta",
            "Elantra",
            "Sonata",
            "Tucson",
            "Santa Fe",
            "i30",
            "i40",
            "ix35",
            "Getz",
            "Accent",
            "Matrix",
            "Palisade",
            "Grand Starex",
            "Staria",
            "Porter",
        ],
    },
    CatalogueMake {
        make: "Toyota",
        models: &[
            "Camry",
            "Corolla",
            "RAV4",
            "Land Cruiser",
            "Land Cruiser Prado",
            "Highlander",
            "Avensis",
            "Auris",
            "Yaris",
            "Hilux",
            "Fortuner",
            "C-HR",
            "Prius",
            "Mark II",
            "Vitz",
            "Alphard",
            "Venza",
        ],
    },
    CatalogueMake {
        make: "Renault",
        models: &[
            "Logan",
            "Sandero",
            "Sandero Stepway",
            "Duster",
            "Kaptur",
            "Arkana",
            "Megane",
            "Fluence",
            "Symbol",
            "Scenic",
            "Koleos",
            "Kangoo",
            "Clio",
            "Laguna",
            "Master",
        ],
    },
    CatalogueMake {
        make: "Volkswagen",
        models: &[
            "Polo",
            "Jetta",
            "Passat",
            "Passat CC",
            "Golf",
            "Tiguan",
            "Touareg",
            "Teramont",
            "Taos",
            "Caddy",
            "Transporter",
            "Multivan",
            "Amarok",
            "Touran",
            "Crafter",
            "Bora",
        ],
    },
    CatalogueMake {
        make: "Skoda",
        models: &[
            "Octavia", "Rapid", "Fabia", "Superb", "Kodiaq", "Karoq", "Yeti", "Roomster", "Felicia",
        ],
    },
    CatalogueMake {
        make: "Nissan",
        models: &[
            "Almera",
            "Almera Classic",
            "Qashqai",
            "X-Trail",
            "Juke",
            "Terrano",
            "Note",
            "Tiida",
            "Teana",
            "Murano",
            "Pathfinder",
            "Patrol",
            "Primera",
            "Micra",
            "Navara",
            "Leaf",
            "Sentra",
            "Maxima",
        ],
    },
    CatalogueMake {
        make: "Chevrolet",
        models: &[
            "Lacetti",
            "Aveo",
            "Cruze",
            "Niva",
            "Lanos",
            "Cobalt",
            "Spark",
            "Captiva",
            "Orlando",
            "Tahoe",
            "TrailBlazer",
            "Epica",
            "Tracker",
            "Malibu",
            "Camaro",
            "Rezzo",
        ],
    },
    CatalogueMake {
        make: "Mitsubishi",
        models: &[
            "Lancer",
            "Outlander",
            "ASX",
            "Pajero",
            "Pajero Sport",
            "L200",
            "Galant",
            "Colt",
            "Eclipse Cross",
            "Carisma",
            "Pajero Pinin",
            "Space Star",
        ],
    },
    CatalogueMake {
        make: "Ford",
        models: &[
            "Focus",
            "Fiesta",
            "Mondeo",
            "Kuga",
            "EcoSport",
            "Explorer",
            "Fusion",
            "C-Max",
            "S-Max",
            "Galaxy",
            "Transit",
            "Ranger",
            "Escape",
            "Maverick",
            "Tourneo Connect",
        ],
    },
    CatalogueMake {
        make: "Haval",
        models: &[
            "Jolion", "F7", "F7x", "H6", "H9", "Dargo", "Dargo X", "M6", "H2", "H5",
        ],
    },
    CatalogueMake {
        make: "Chery",
        models: &[
            "Tiggo 4",
            "Tiggo 4 Pro",
            "Tiggo 7 Pro",
            "Tiggo 7 Pro Max",
            "Tiggo 8",
            "Tiggo 8 Pro",
            "Tiggo 8 Pro Max",
            "Tiggo 9",
            "Tiggo",
            "Tiggo 2",
            "Tiggo 3",
            "Tiggo 5",
            "Arrizo 8",
            "Very",
            "Bonus",
            "Amulet",
            "Fora",
            "Kimo",
            "QQ",
        ],
    },
    CatalogueMake {
        make: "Geely",
        models: &[
            "Coolray",
            "Atlas",
            "Atlas Pro",
            "Tugella",
            "Monjaro",
            "Okavango",
            "Emgrand",
            "Emgrand EC7",
            "Emgrand X7",
            "MK",
            "MK Cross",
            "GC6",
            "Preface",
            "Cityray",
        ],
    },
    CatalogueMake {
        make: "Changan",
        models: &[
            "CS35 Plus",
            "CS55 Plus",
            "CS75 Plus",
            "CS85",
            "CS95",
            "UNI-K",
            "UNI-T",
            "UNI-V",
            "Alsvin",
            "Eado Plus",
            "Hunter Plus",
            "Lamore",
            "X5 Plus",
        ],
    },
    CatalogueMake {
        make: "Exeed",
        models: &["TXL", "LX", "VX", "RX", "Exlantix ES", "Exlantix ET"],
    },
    CatalogueMake {
        make: "Omoda",
        models: &["C5", "S5", "S5 GT", "C7", "E5"],
    },
    CatalogueMake {
        make: "Tank",
        models: &["300", "400", "500", "700"],
    },
    CatalogueMake {
        make: "Jetour",
        models: &["Dashing", "X70", "X70 Plus", "X90 Plus", "T2", "X50"],
    },
    CatalogueMake {
        make: "Mazda",
        models: &[
            "3", "6", "CX-5", "CX-7", "CX-9", "CX-30", "CX-3", "2", "5", "Demio", "Tribute",
            "BT-50", "MPV", "RX-8",
        ],
    },
    CatalogueMake {
        make: "Daewoo",
        models: &[
            "Nexia", "Matiz", "Lanos", "Gentra", "Espero", "Nubira", "Leganza",
        ],
    },
    CatalogueMake {
        make: "Opel",
        models: &[
            "Astra", "Corsa", "Vectra", "Insignia", "Zafira", "Mokka", "Antara", "Meriva", "Omega",
            "Frontera", "Combo", "Vivaro",
        ],
    },
    CatalogueMake {
        make: "Mercedes-Benz",
        models: &[
            "E-Class",
            "C-Class",
            "S-Class",
            "A-Class",
            "B-Class",
            "G-Class",
            "M-Class",
            "GL-Class",
            "GLK-Class",
            "V-Class",
            "CLA",
            "CLS",
            "GLA",
            "GLC",
            "GLE",
            "GLS",
            "Sprinter",
            "Vito",
            "Viano",
        ],
    },
    CatalogueMake {
        make: "BMW",
        models: &[
            "3 Series", "5 Series", "7 Series", "1 Series", "X1", "X3", "X4", "X5", "X6", "X7",
            "M5",
        ],
    },
    CatalogueMake {
        make: "Audi",
        models: &[
            "A3",
            "A4",
            "A4 allroad",
            "A5",
            "A6",
            "A6 allroad",
            "A8",
            "Q3",
            "Q5",
            "Q7",
            "Q8",
            "TT",
            "e-tron",
            "80",
            "100",
        ],
    },
    CatalogueMake {
        make: "Lexus",
        models: &["RX", "NX", "LX", "GX", "ES", "IS", "GS", "LS", "UX", "CT"],
    },
    CatalogueMake {
        make: "Honda",
        models: &[
            "Civic", "Accord", "CR-V", "Pilot", "Jazz", "Fit", "HR-V", "Stepwgn", "Freed", "Vezel",
            "Odyssey",
        ],
    },
    CatalogueMake {
        make: "Subaru",
        models: &[
            "Forester", "Outback", "Impreza", "Legacy", "XV", "Tribeca", "WRX", "Levorg",
        ],
    },
    CatalogueMake {
        make: "Suzuki",
        models: &[
            "Grand Vitara",
            "SX4",
            "Jimny",
            "Swift",
            "Vitara",
            "Escudo",
            "Liana",
            "Splash",
            "Kizashi",
            "Ignis",
        ],
    },
    CatalogueMake {
        make: "Volvo",
        models: &[
            "XC90", "XC60", "XC40", "XC70", "S60", "S80", "S40", "S90", "V40", "V60", "V70",
        ],
    },
    CatalogueMake {
        make: "Land Rover",
        models: &[
            "Range Rover",
            "Range Rover Sport",
            "Range Rover Evoque",
            "Range Rover Velar",
            "Discovery",
            "Discovery Sport",
            "Freelander",
            "Defender",
        ],
    },
    CatalogueMake {
        make: "Peugeot",
        models: &[
            "206", "207", "208", "307", "308", "406", "407", "408", "2008", "3008", "4008", "5008",
            "Partner", "Boxer", "107",
        ],
    },
    CatalogueMake {
        make: "Citroen",
        models: &[
            "C4",
            "C3",
            "C5",
            "C4 Picasso",
            "C-Crosser",
            "C-Elysee",
            "Berlingo",
            "Jumper",
            "Jumpy",
            "C5 Aircross",
            "C3 Aircross",
            "C4 Aircross",
            "Xsara",
        ],
    },
    CatalogueMake {
        make: "UAZ",
        models: &[
            "Патриот",
            "Хантер",
            "Пикап",
            "Карго",
            "Профи",
            "Буханка",
            "469",
            "3909",
            "3303",
            "3962",
        ],
    },
    CatalogueMake {
        make: "GAZ",
        models: &[
            "Газель Next",
            "Газель NN",
            "Газель Бизнес",
            "Газель",
            "Соболь",
            "Соболь NN",
            "Соболь Бизнес",
            "Газон Next",
            "Валдай",
            "Волга Сайбер",
            "31105",
            "3110",
            "3102",
        ],
    },
    CatalogueMake {
        make: "Moskvich",
        models: &["3", "3e", "6", "2141", "Святогор", "2140", "412"],
    },
    CatalogueMake {
        make: "Belgee",
        models: &["X50", "X70", "S50"],
    },
    CatalogueMake {
        make: "Tenet",
        models: &["T4", "T7", "T8"],
    },
    CatalogueMake {
        make: "Solaris",
        models: &["HS", "HC", "KRS", "KRX"],
    },
    CatalogueMake {
        make: "JAC",
        models: &["JS4", "JS6", "J7", "S3", "S5", "T6", "T8", "N56", "Sunray"],
    },
    CatalogueMake {
        make: "FAW",
        models: &[
            "Bestune T77",
            "Bestune T99",
            "Bestune B70",
            "Besturn B50",
            "Besturn X80",
            "Besturn X40",
            "V5",
            "Oley",
        ],
    },
    CatalogueMake {
        make: "Great Wall",
        models: &[
            "Hover", "Hover H3", "Hover H5", "Safe", "Wingle 5", "Wingle 7", "Poer",
        ],
    },
    CatalogueMake {
        make: "SsangYong",
        models: &[
            "Kyron",
            "Actyon",
            "Actyon Sports",
            "Rexton",
            "Korando",
            "Tivoli",
            "Stavic",
            "Musso",
        ],
    },
    CatalogueMake {
        make: "Datsun",
        models: &["on-DO", "mi-DO"],
    },
    CatalogueMake {
        make: "Lifan",
        models: &[
            "Solano", "X60", "Smily", "Breez", "Cebrium", "Celliya", "X50", "Murman", "Myway",
        ],
    },
    CatalogueMake {
        make: "Infiniti",
        models: &[
            "FX35", "FX37", "FX50", "EX35", "G25", "G35", "M35", "Q50", "Q70", "JX35", "QX50",
            "QX56", "QX60", "QX70", "QX80",
        ],
    },
    CatalogueMake {
        make: "Porsche",
        models: &[
            "Cayenne", "Macan", "Panamera", "911", "Taycan", "Cayman", "Boxster",
        ],
    },
    CatalogueMake {
        make: "Dongfeng",
        models: &[
            "580",
            "AX7",
            "Shine Max",
            "Shine",
            "H30 Cross",
            "Huge",
            "Rich",
        ],
    },
    CatalogueMake {
        make: "GAC",
        models: &["GS3", "GS4", "GS8", "M8", "Emkoo", "Empow"],
    },
    CatalogueMake {
        make: "Kaiyi",
        models: &["E5", "X3", "X3 Pro", "X7 Kunlun"],
    },
    CatalogueMake {
        make: "LiXiang",
        models: &["L6", "L7", "L8", "L9", "Mega"],
    },
    CatalogueMake {
        make: "Voyah",
        models: &["Free", "Dream", "Passion"],
    },
    CatalogueMake {
        make: "Zeekr",
        models: &["001", "007", "7X", "X"],
    },
    CatalogueMake {
        make: "Jeep",
        models: &[
            "Grand Cherokee",
            "Cherokee",
            "Wrangler",
            "Compass",
            "Renegade",
            "Liberty",
        ],
    },
    CatalogueMake {
        make: "Fiat",
        models: &["Albea", "Doblo", "Ducato", "Linea", "Punto", "500"],
    },
    CatalogueMake {
        make: "Tesla",
        models: &["Model 3", "Model S", "Model X", "Model Y"],
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const MIGRATION: &str = include_str!("../../migrations/20261127000002_vehicle_catalogue.sql");

    fn sql(text: &str) -> String {
        format!("'{}'", text.replace('\'', "''"))
    }

    #[test]
    fn no_duplicates() {
        let mut makes = HashSet::new();
        for entry in BUILT_IN {
            assert!(makes.insert(entry.make), "make {} twice", entry.make);
            assert!(!entry.models.is_empty(), "{} has no models", entry.make);
            let mut models = HashSet::new();
            for model in entry.models {
                assert!(!model.trim().is_empty() && model.trim() == *model);
                assert!(models.insert(model), "{} {model} twice", entry.make);
            }
        }
    }

    #[test]
    fn migration_matches_built_in() {
        let rows: HashSet<&str> = MIGRATION
            .lines()
            .filter_map(|line| line.trim().strip_prefix('('))
            .map(|row| row.trim_end_matches([',', ';']).trim_end_matches(')'))
            .collect();
        let mut expected = 0;
        for (position, entry) in BUILT_IN.iter().enumerate() {
            let make = sql(entry.make);
            assert!(
                rows.contains(format!("{make}, {position}").as_str()),
                "make {}",
                entry.make
            );
            for model in entry.models {
                let row = format!("{make}, {}", sql(model));
                assert!(rows.contains(row.as_str()), "model {} {model}", entry.make);
            }
            expected += 1 + entry.models.len();
        }
        assert_eq!(
            rows.len(),
            expected,
            "the migration has rows BUILT_IN lacks"
        );
    }
}
