-- The built-in vehicle catalogue: the makes and models the desk offers when
-- a car is added. It mirrors `remzona::domain::catalogue::BUILT_IN` (a unit
-- test keeps the two in step); the shop edits it in the app afterwards —
-- adding, renaming or hiding makes and models — so this only seeds it.
-- `position` is the order of the make list: the most common makes first.

INSERT INTO vehicle_makes (name, position) VALUES
    ('LADA', 0),
    ('Kia', 1),
    ('Hyundai', 2),
    ('Toyota', 3),
    ('Renault', 4),
    ('Volkswagen', 5),
    ('Skoda', 6),
    ('Nissan', 7),
    ('Chevrolet', 8),
    ('Mitsubishi', 9),
    ('Ford', 10),
    ('Haval', 11),
    ('Chery', 12),
    ('Geely', 13),
    ('Changan', 14),
    ('Exeed', 15),
    ('Omoda', 16),
    ('Tank', 17),
    ('Jetour', 18),
    ('Mazda', 19),
    ('Daewoo', 20),
    ('Opel', 21),
    ('Mercedes-Benz', 22),
    ('BMW', 23),
    ('Audi', 24),
    ('Lexus', 25),
    ('Honda', 26),
    ('Subaru', 27),
    ('Suzuki', 28),
    ('Volvo', 29),
    ('Land Rover', 30),
    ('Peugeot', 31),
    ('Citroen', 32),
    ('UAZ', 33),
    ('GAZ', 34),
    ('Moskvich', 35),
    ('Belgee', 36),
    ('Tenet', 37),
    ('Solaris', 38),
    ('JAC', 39),
    ('FAW', 40),
    ('Great Wall', 41),
    ('SsangYong', 42),
    ('Datsun', 43),
    ('Lifan', 44),
    ('Infiniti', 45),
    ('Porsche', 46),
    ('Dongfeng', 47),
    ('GAC', 48),
    ('Kaiyi', 49),
    ('LiXiang', 50),
    ('Voyah', 51),
    ('Zeekr', 52),
    ('Jeep', 53),
    ('Fiat', 54),
    ('Tesla', 55);

INSERT INTO vehicle_models (make, name) VALUES
    ('LADA', 'Granta'),
    ('LADA', 'Vesta'),
    ('LADA', 'Niva Legend'),
    ('LADA', 'Niva Travel'),
    ('LADA', '4x4'),
    ('LADA', 'Largus'),
    ('LADA', 'XRAY'),
    ('LADA', 'Priora'),
    ('LADA', 'Kalina'),
    ('LADA', 'Iskra'),
    ('LADA', 'Aura'),
    ('LADA', '2104'),
    ('LADA', '2105'),
    ('LADA', '2106'),
    ('LADA', '2107'),
    ('LADA', '2109'),
    ('LADA', '2110'),
    ('LADA', '2112'),
    ('LADA', '2114'),
    ('LADA', '2115');

INSERT INTO vehicle_models (make, name) VALUES
    ('Kia', 'Rio'),
    ('Kia', 'Rio X'),
    ('Kia', 'Ceed'),
    ('Kia', 'Cerato'),
    ('Kia', 'Optima'),
    ('Kia', 'K5'),
    ('Kia', 'Sportage'),
    ('Kia', 'Sorento'),
    ('Kia', 'Soul'),
    ('Kia', 'Seltos'),
    ('Kia', 'Picanto'),
    ('Kia', 'Carnival'),
    ('Kia', 'Mohave'),
    ('Kia', 'Stinger'),
    ('Kia', 'Venga'),
    ('Kia', 'Spectra'),
    ('Kia', 'Carens');

INSERT INTO vehicle_models (make, name) VALUES
    ('Hyundai', 'Solaris'),
    ('Hyundai', 'Creta'),
    ('Hyundai', 'Elantra'),
    ('Hyundai', 'Sonata'),
    ('Hyundai', 'Tucson'),
    ('Hyundai', 'Santa Fe'),
    ('Hyundai', 'i30'),
    ('Hyundai', 'i40'),
    ('Hyundai', 'ix35'),
    ('Hyundai', 'Getz'),
    ('Hyundai', 'Accent'),
    ('Hyundai', 'Matrix'),
    ('Hyundai', 'Palisade'),
    ('Hyundai', 'Grand Starex'),
    ('Hyundai', 'Staria'),
    ('Hyundai', 'Porter');

INSERT INTO vehicle_models (make, name) VALUES
    ('Toyota', 'Camry'),
    ('Toyota', 'Corolla'),
    ('Toyota', 'RAV4'),
    ('Toyota', 'Land Cruiser'),
    ('Toyota', 'Land Cruiser Prado'),
    ('Toyota', 'Highlander'),
    ('Toyota', 'Avensis'),
    ('Toyota', 'Auris'),
    ('Toyota', 'Yaris'),
    ('Toyota', 'Hilux'),
    ('Toyota', 'Fortuner'),
    ('Toyota', 'C-HR'),
    ('Toyota', 'Prius'),
    ('Toyota', 'Mark II'),
    ('Toyota', 'Vitz'),
    ('Toyota', 'Alphard'),
    ('Toyota', 'Venza');

INSERT INTO vehicle_models (make, name) VALUES
    ('Renault', 'Logan'),
    ('Renault', 'Sandero'),
    ('Renault', 'Sandero Stepway'),
    ('Renault', 'Duster'),
    ('Renault', 'Kaptur'),
    ('Renault', 'Arkana'),
    ('Renault', 'Megane'),
    ('Renault', 'Fluence'),
    ('Renault', 'Symbol'),
    ('Renault', 'Scenic'),
    ('Renault', 'Koleos'),
    ('Renault', 'Kangoo'),
    ('Renault', 'Clio'),
    ('Renault', 'Laguna'),
    ('Renault', 'Master');

INSERT INTO vehicle_models (make, name) VALUES
    ('Volkswagen', 'Polo'),
    ('Volkswagen', 'Jetta'),
    ('Volkswagen', 'Passat'),
    ('Volkswagen', 'Passat CC'),
    ('Volkswagen', 'Golf'),
    ('Volkswagen', 'Tiguan'),
    ('Volkswagen', 'Touareg'),
    ('Volkswagen', 'Teramont'),
    ('Volkswagen', 'Taos'),
    ('Volkswagen', 'Caddy'),
    ('Volkswagen', 'Transporter'),
    ('Volkswagen', 'Multivan'),
    ('Volkswagen', 'Amarok'),
    ('Volkswagen', 'Touran'),
    ('Volkswagen', 'Crafter'),
    ('Volkswagen', 'Bora');

INSERT INTO vehicle_models (make, name) VALUES
    ('Skoda', 'Octavia'),
    ('Skoda', 'Rapid'),
    ('Skoda', 'Fabia'),
    ('Skoda', 'Superb'),
    ('Skoda', 'Kodiaq'),
    ('Skoda', 'Karoq'),
    ('Skoda', 'Yeti'),
    ('Skoda', 'Roomster'),
    ('Skoda', 'Felicia');

INSERT INTO vehicle_models (make, name) VALUES
    ('Nissan', 'Almera'),
    ('Nissan', 'Almera Classic'),
    ('Nissan', 'Qashqai'),
    ('Nissan', 'X-Trail'),
    ('Nissan', 'Juke'),
    ('Nissan', 'Terrano'),
    ('Nissan', 'Note'),
    ('Nissan', 'Tiida'),
    ('Nissan', 'Teana'),
    ('Nissan', 'Murano'),
    ('Nissan', 'Pathfinder'),
    ('Nissan', 'Patrol'),
    ('Nissan', 'Primera'),
    ('Nissan', 'Micra'),
    ('Nissan', 'Navara'),
    ('Nissan', 'Leaf'),
    ('Nissan', 'Sentra'),
    ('Nissan', 'Maxima');

INSERT INTO vehicle_models (make, name) VALUES
    ('Chevrolet', 'Lacetti'),
    ('Chevrolet', 'Aveo'),
    ('Chevrolet', 'Cruze'),
    ('Chevrolet', 'Niva'),
    ('Chevrolet', 'Lanos'),
    ('Chevrolet', 'Cobalt'),
    ('Chevrolet', 'Spark'),
    ('Chevrolet', 'Captiva'),
    ('Chevrolet', 'Orlando'),
    ('Chevrolet', 'Tahoe'),
    ('Chevrolet', 'TrailBlazer'),
    ('Chevrolet', 'Epica'),
    ('Chevrolet', 'Tracker'),
    ('Chevrolet', 'Malibu'),
    ('Chevrolet', 'Camaro'),
    ('Chevrolet', 'Rezzo');

INSERT INTO vehicle_models (make, name) VALUES
    ('Mitsubishi', 'Lancer'),
    ('Mitsubishi', 'Outlander'),
    ('Mitsubishi', 'ASX'),
    ('Mitsubishi', 'Pajero'),
    ('Mitsubishi', 'Pajero Sport'),
    ('Mitsubishi', 'L200'),
    ('Mitsubishi', 'Galant'),
    ('Mitsubishi', 'Colt'),
    ('Mitsubishi', 'Eclipse Cross'),
    ('Mitsubishi', 'Carisma'),
    ('Mitsubishi', 'Pajero Pinin'),
    ('Mitsubishi', 'Space Star');

INSERT INTO vehicle_models (make, name) VALUES
    ('Ford', 'Focus'),
    ('Ford', 'Fiesta'),
    ('Ford', 'Mondeo'),
    ('Ford', 'Kuga'),
    ('Ford', 'EcoSport'),
    ('Ford', 'Explorer'),
    ('Ford', 'Fusion'),
    ('Ford', 'C-Max'),
    ('Ford', 'S-Max'),
    ('Ford', 'Galaxy'),
    ('Ford', 'Transit'),
    ('Ford', 'Ranger'),
    ('Ford', 'Escape'),
    ('Ford', 'Maverick'),
    ('Ford', 'Tourneo Connect');

INSERT INTO vehicle_models (make, name) VALUES
    ('Haval', 'Jolion'),
    ('Haval', 'F7'),
    ('Haval', 'F7x'),
    ('Haval', 'H6'),
    ('Haval', 'H9'),
    ('Haval', 'Dargo'),
    ('Haval', 'Dargo X'),
    ('Haval', 'M6'),
    ('Haval', 'H2'),
    ('Haval', 'H5');

INSERT INTO vehicle_models (make, name) VALUES
    ('Chery', 'Tiggo 4'),
    ('Chery', 'Tiggo 4 Pro'),
    ('Chery', 'Tiggo 7 Pro'),
    ('Chery', 'Tiggo 7 Pro Max'),
    ('Chery', 'Tiggo 8'),
    ('Chery', 'Tiggo 8 Pro'),
    ('Chery', 'Tiggo 8 Pro Max'),
    ('Chery', 'Tiggo 9'),
    ('Chery', 'Tiggo'),
    ('Chery', 'Tiggo 2'),
    ('Chery', 'Tiggo 3'),
    ('Chery', 'Tiggo 5'),
    ('Chery', 'Arrizo 8'),
    ('Chery', 'Very'),
    ('Chery', 'Bonus'),
    ('Chery', 'Amulet'),
    ('Chery', 'Fora'),
    ('Chery', 'Kimo'),
    ('Chery', 'QQ');

INSERT INTO vehicle_models (make, name) VALUES
    ('Geely', 'Coolray'),
    ('Geely', 'Atlas'),
    ('Geely', 'Atlas Pro'),
    ('Geely', 'Tugella'),
    ('Geely', 'Monjaro'),
    ('Geely', 'Okavango'),
    ('Geely', 'Emgrand'),
    ('Geely', 'Emgrand EC7'),
    ('Geely', 'Emgrand X7'),
    ('Geely', 'MK'),
    ('Geely', 'MK Cross'),
    ('Geely', 'GC6'),
    ('Geely', 'Preface'),
    ('Geely', 'Cityray');

INSERT INTO vehicle_models (make, name) VALUES
    ('Changan', 'CS35 Plus'),
    ('Changan', 'CS55 Plus'),
    ('Changan', 'CS75 Plus'),
    ('Changan', 'CS85'),
    ('Changan', 'CS95'),
    ('Changan', 'UNI-K'),
    ('Changan', 'UNI-T'),
    ('Changan', 'UNI-V'),
    ('Changan', 'Alsvin'),
    ('Changan', 'Eado Plus'),
    ('Changan', 'Hunter Plus'),
    ('Changan', 'Lamore'),
    ('Changan', 'X5 Plus');

INSERT INTO vehicle_models (make, name) VALUES
    ('Exeed', 'TXL'),
    ('Exeed', 'LX'),
    ('Exeed', 'VX'),
    ('Exeed', 'RX'),
    ('Exeed', 'Exlantix ES'),
    ('Exeed', 'Exlantix ET');

INSERT INTO vehicle_models (make, name) VALUES
    ('Omoda', 'C5'),
    ('Omoda', 'S5'),
    ('Omoda', 'S5 GT'),
    ('Omoda', 'C7'),
    ('Omoda', 'E5');

INSERT INTO vehicle_models (make, name) VALUES
    ('Tank', '300'),
    ('Tank', '400'),
    ('Tank', '500'),
    ('Tank', '700');

INSERT INTO vehicle_models (make, name) VALUES
    ('Jetour', 'Dashing'),
    ('Jetour', 'X70'),
    ('Jetour', 'X70 Plus'),
    ('Jetour', 'X90 Plus'),
    ('Jetour', 'T2'),
    ('Jetour', 'X50');

INSERT INTO vehicle_models (make, name) VALUES
    ('Mazda', '3'),
    ('Mazda', '6'),
    ('Mazda', 'CX-5'),
    ('Mazda', 'CX-7'),
    ('Mazda', 'CX-9'),
    ('Mazda', 'CX-30'),
    ('Mazda', 'CX-3'),
    ('Mazda', '2'),
    ('Mazda', '5'),
    ('Mazda', 'Demio'),
    ('Mazda', 'Tribute'),
    ('Mazda', 'BT-50'),
    ('Mazda', 'MPV'),
    ('Mazda', 'RX-8');

INSERT INTO vehicle_models (make, name) VALUES
    ('Daewoo', 'Nexia'),
    ('Daewoo', 'Matiz'),
    ('Daewoo', 'Lanos'),
    ('Daewoo', 'Gentra'),
    ('Daewoo', 'Espero'),
    ('Daewoo', 'Nubira'),
    ('Daewoo', 'Leganza');

INSERT INTO vehicle_models (make, name) VALUES
    ('Opel', 'Astra'),
    ('Opel', 'Corsa'),
    ('Opel', 'Vectra'),
    ('Opel', 'Insignia'),
    ('Opel', 'Zafira'),
    ('Opel', 'Mokka'),
    ('Opel', 'Antara'),
    ('Opel', 'Meriva'),
    ('Opel', 'Omega'),
    ('Opel', 'Frontera'),
    ('Opel', 'Combo'),
    ('Opel', 'Vivaro');

INSERT INTO vehicle_models (make, name) VALUES
    ('Mercedes-Benz', 'E-Class'),
    ('Mercedes-Benz', 'C-Class'),
    ('Mercedes-Benz', 'S-Class'),
    ('Mercedes-Benz', 'A-Class'),
    ('Mercedes-Benz', 'B-Class'),
    ('Mercedes-Benz', 'G-Class'),
    ('Mercedes-Benz', 'M-Class'),
    ('Mercedes-Benz', 'GL-Class'),
    ('Mercedes-Benz', 'GLK-Class'),
    ('Mercedes-Benz', 'V-Class'),
    ('Mercedes-Benz', 'CLA'),
    ('Mercedes-Benz', 'CLS'),
    ('Mercedes-Benz', 'GLA'),
    ('Mercedes-Benz', 'GLC'),
    ('Mercedes-Benz', 'GLE'),
    ('Mercedes-Benz', 'GLS'),
    ('Mercedes-Benz', 'Sprinter'),
    ('Mercedes-Benz', 'Vito'),
    ('Mercedes-Benz', 'Viano');

INSERT INTO vehicle_models (make, name) VALUES
    ('BMW', '3 Series'),
    ('BMW', '5 Series'),
    ('BMW', '7 Series'),
    ('BMW', '1 Series'),
    ('BMW', 'X1'),
    ('BMW', 'X3'),
    ('BMW', 'X4'),
    ('BMW', 'X5'),
    ('BMW', 'X6'),
    ('BMW', 'X7'),
    ('BMW', 'M5');

INSERT INTO vehicle_models (make, name) VALUES
    ('Audi', 'A3'),
    ('Audi', 'A4'),
    ('Audi', 'A4 allroad'),
    ('Audi', 'A5'),
    ('Audi', 'A6'),
    ('Audi', 'A6 allroad'),
    ('Audi', 'A8'),
    ('Audi', 'Q3'),
    ('Audi', 'Q5'),
    ('Audi', 'Q7'),
    ('Audi', 'Q8'),
    ('Audi', 'TT'),
    ('Audi', 'e-tron'),
    ('Audi', '80'),
    ('Audi', '100');

INSERT INTO vehicle_models (make, name) VALUES
    ('Lexus', 'RX'),
    ('Lexus', 'NX'),
    ('Lexus', 'LX'),
    ('Lexus', 'GX'),
    ('Lexus', 'ES'),
    ('Lexus', 'IS'),
    ('Lexus', 'GS'),
    ('Lexus', 'LS'),
    ('Lexus', 'UX'),
    ('Lexus', 'CT');

INSERT INTO vehicle_models (make, name) VALUES
    ('Honda', 'Civic'),
    ('Honda', 'Accord'),
    ('Honda', 'CR-V'),
    ('Honda', 'Pilot'),
    ('Honda', 'Jazz'),
    ('Honda', 'Fit'),
    ('Honda', 'HR-V'),
    ('Honda', 'Stepwgn'),
    ('Honda', 'Freed'),
    ('Honda', 'Vezel'),
    ('Honda', 'Odyssey');

INSERT INTO vehicle_models (make, name) VALUES
    ('Subaru', 'Forester'),
    ('Subaru', 'Outback'),
    ('Subaru', 'Impreza'),
    ('Subaru', 'Legacy'),
    ('Subaru', 'XV'),
    ('Subaru', 'Tribeca'),
    ('Subaru', 'WRX'),
    ('Subaru', 'Levorg');

INSERT INTO vehicle_models (make, name) VALUES
    ('Suzuki', 'Grand Vitara'),
    ('Suzuki', 'SX4'),
    ('Suzuki', 'Jimny'),
    ('Suzuki', 'Swift'),
    ('Suzuki', 'Vitara'),
    ('Suzuki', 'Escudo'),
    ('Suzuki', 'Liana'),
    ('Suzuki', 'Splash'),
    ('Suzuki', 'Kizashi'),
    ('Suzuki', 'Ignis');

INSERT INTO vehicle_models (make, name) VALUES
    ('Volvo', 'XC90'),
    ('Volvo', 'XC60'),
    ('Volvo', 'XC40'),
    ('Volvo', 'XC70'),
    ('Volvo', 'S60'),
    ('Volvo', 'S80'),
    ('Volvo', 'S40'),
    ('Volvo', 'S90'),
    ('Volvo', 'V40'),
    ('Volvo', 'V60'),
    ('Volvo', 'V70');

INSERT INTO vehicle_models (make, name) VALUES
    ('Land Rover', 'Range Rover'),
    ('Land Rover', 'Range Rover Sport'),
    ('Land Rover', 'Range Rover Evoque'),
    ('Land Rover', 'Range Rover Velar'),
    ('Land Rover', 'Discovery'),
    ('Land Rover', 'Discovery Sport'),
    ('Land Rover', 'Freelander'),
    ('Land Rover', 'Defender');

INSERT INTO vehicle_models (make, name) VALUES
    ('Peugeot', '206'),
    ('Peugeot', '207'),
    ('Peugeot', '208'),
    ('Peugeot', '307'),
    ('Peugeot', '308'),
    ('Peugeot', '406'),
    ('Peugeot', '407'),
    ('Peugeot', '408'),
    ('Peugeot', '2008'),
    ('Peugeot', '3008'),
    ('Peugeot', '4008'),
    ('Peugeot', '5008'),
    ('Peugeot', 'Partner'),
    ('Peugeot', 'Boxer'),
    ('Peugeot', '107');

INSERT INTO vehicle_models (make, name) VALUES
    ('Citroen', 'C4'),
    ('Citroen', 'C3'),
    ('Citroen', 'C5'),
    ('Citroen', 'C4 Picasso'),
    ('Citroen', 'C-Crosser'),
    ('Citroen', 'C-Elysee'),
    ('Citroen', 'Berlingo'),
    ('Citroen', 'Jumper'),
    ('Citroen', 'Jumpy'),
    ('Citroen', 'C5 Aircross'),
    ('Citroen', 'C3 Aircross'),
    ('Citroen', 'C4 Aircross'),
    ('Citroen', 'Xsara');

INSERT INTO vehicle_models (make, name) VALUES
    ('UAZ', 'Патриот'),
    ('UAZ', 'Хантер'),
    ('UAZ', 'Пикап'),
    ('UAZ', 'Карго'),
    ('UAZ', 'Профи'),
    ('UAZ', 'Буханка'),
    ('UAZ', '469'),
    ('UAZ', '3909'),
    ('UAZ', '3303'),
    ('UAZ', '3962');

INSERT INTO vehicle_models (make, name) VALUES
    ('GAZ', 'Газель Next'),
    ('GAZ', 'Газель NN'),
    ('GAZ', 'Газель Бизнес'),
    ('GAZ', 'Газель'),
    ('GAZ', 'Соболь'),
    ('GAZ', 'Соболь NN'),
    ('GAZ', 'Соболь Бизнес'),
    ('GAZ', 'Газон Next'),
    ('GAZ', 'Валдай'),
    ('GAZ', 'Волга Сайбер'),
    ('GAZ', '31105'),
    ('GAZ', '3110'),
    ('GAZ', '3102');

INSERT INTO vehicle_models (make, name) VALUES
    ('Moskvich', '3'),
    ('Moskvich', '3e'),
    ('Moskvich', '6'),
    ('Moskvich', '2141'),
    ('Moskvich', 'Святогор'),
    ('Moskvich', '2140'),
    ('Moskvich', '412');

INSERT INTO vehicle_models (make, name) VALUES
    ('Belgee', 'X50'),
    ('Belgee', 'X70'),
    ('Belgee', 'S50');

INSERT INTO vehicle_models (make, name) VALUES
    ('Tenet', 'T4'),
    ('Tenet', 'T7'),
    ('Tenet', 'T8');

INSERT INTO vehicle_models (make, name) VALUES
    ('Solaris', 'HS'),
    ('Solaris', 'HC'),
    ('Solaris', 'KRS'),
    ('Solaris', 'KRX');

INSERT INTO vehicle_models (make, name) VALUES
    ('JAC', 'JS4'),
    ('JAC', 'JS6'),
    ('JAC', 'J7'),
    ('JAC', 'S3'),
    ('JAC', 'S5'),
    ('JAC', 'T6'),
    ('JAC', 'T8'),
    ('JAC', 'N56'),
    ('JAC', 'Sunray');

INSERT INTO vehicle_models (make, name) VALUES
    ('FAW', 'Bestune T77'),
    ('FAW', 'Bestune T99'),
    ('FAW', 'Bestune B70'),
    ('FAW', 'Besturn B50'),
    ('FAW', 'Besturn X80'),
    ('FAW', 'Besturn X40'),
    ('FAW', 'V5'),
    ('FAW', 'Oley');

INSERT INTO vehicle_models (make, name) VALUES
    ('Great Wall', 'Hover'),
    ('Great Wall', 'Hover H3'),
    ('Great Wall', 'Hover H5'),
    ('Great Wall', 'Safe'),
    ('Great Wall', 'Wingle 5'),
    ('Great Wall', 'Wingle 7'),
    ('Great Wall', 'Poer');

INSERT INTO vehicle_models (make, name) VALUES
    ('SsangYong', 'Kyron'),
    ('SsangYong', 'Actyon'),
    ('SsangYong', 'Actyon Sports'),
    ('SsangYong', 'Rexton'),
    ('SsangYong', 'Korando'),
    ('SsangYong', 'Tivoli'),
    ('SsangYong', 'Stavic'),
    ('SsangYong', 'Musso');

INSERT INTO vehicle_models (make, name) VALUES
    ('Datsun', 'on-DO'),
    ('Datsun', 'mi-DO');

INSERT INTO vehicle_models (make, name) VALUES
    ('Lifan', 'Solano'),
    ('Lifan', 'X60'),
    ('Lifan', 'Smily'),
    ('Lifan', 'Breez'),
    ('Lifan', 'Cebrium'),
    ('Lifan', 'Celliya'),
    ('Lifan', 'X50'),
    ('Lifan', 'Murman'),
    ('Lifan', 'Myway');

INSERT INTO vehicle_models (make, name) VALUES
    ('Infiniti', 'FX35'),
    ('Infiniti', 'FX37'),
    ('Infiniti', 'FX50'),
    ('Infiniti', 'EX35'),
    ('Infiniti', 'G25'),
    ('Infiniti', 'G35'),
    ('Infiniti', 'M35'),
    ('Infiniti', 'Q50'),
    ('Infiniti', 'Q70'),
    ('Infiniti', 'JX35'),
    ('Infiniti', 'QX50'),
    ('Infiniti', 'QX56'),
    ('Infiniti', 'QX60'),
    ('Infiniti', 'QX70'),
    ('Infiniti', 'QX80');

INSERT INTO vehicle_models (make, name) VALUES
    ('Porsche', 'Cayenne'),
    ('Porsche', 'Macan'),
    ('Porsche', 'Panamera'),
    ('Porsche', '911'),
    ('Porsche', 'Taycan'),
    ('Porsche', 'Cayman'),
    ('Porsche', 'Boxster');

INSERT INTO vehicle_models (make, name) VALUES
    ('Dongfeng', '580'),
    ('Dongfeng', 'AX7'),
    ('Dongfeng', 'Shine Max'),
    ('Dongfeng', 'Shine'),
    ('Dongfeng', 'H30 Cross'),
    ('Dongfeng', 'Huge'),
    ('Dongfeng', 'Rich');

INSERT INTO vehicle_models (make, name) VALUES
    ('GAC', 'GS3'),
    ('GAC', 'GS4'),
    ('GAC', 'GS8'),
    ('GAC', 'M8'),
    ('GAC', 'Emkoo'),
    ('GAC', 'Empow');

INSERT INTO vehicle_models (make, name) VALUES
    ('Kaiyi', 'E5'),
    ('Kaiyi', 'X3'),
    ('Kaiyi', 'X3 Pro'),
    ('Kaiyi', 'X7 Kunlun');

INSERT INTO vehicle_models (make, name) VALUES
    ('LiXiang', 'L6'),
    ('LiXiang', 'L7'),
    ('LiXiang', 'L8'),
    ('LiXiang', 'L9'),
    ('LiXiang', 'Mega');

INSERT INTO vehicle_models (make, name) VALUES
    ('Voyah', 'Free'),
    ('Voyah', 'Dream'),
    ('Voyah', 'Passion');

INSERT INTO vehicle_models (make, name) VALUES
    ('Zeekr', '001'),
    ('Zeekr', '007'),
    ('Zeekr', '7X'),
    ('Zeekr', 'X');

INSERT INTO vehicle_models (make, name) VALUES
    ('Jeep', 'Grand Cherokee'),
    ('Jeep', 'Cherokee'),
    ('Jeep', 'Wrangler'),
    ('Jeep', 'Compass'),
    ('Jeep', 'Renegade'),
    ('Jeep', 'Liberty');

INSERT INTO vehicle_models (make, name) VALUES
    ('Fiat', 'Albea'),
    ('Fiat', 'Doblo'),
    ('Fiat', 'Ducato'),
    ('Fiat', 'Linea'),
    ('Fiat', 'Punto'),
    ('Fiat', '500');

INSERT INTO vehicle_models (make, name) VALUES
    ('Tesla', 'Model 3'),
    ('Tesla', 'Model S'),
    ('Tesla', 'Model X'),
    ('Tesla', 'Model Y');
