import type { PersonalDataKind } from '../src/index.ts';
import { brokenBsn, brokenIban, bsn, grouped, iban } from './generate.ts';

/**
 * Labelled texts in the tone of questions on a work-and-income community: sickness, WW, dismissal, bijstand. Every
 * person, number and address is made up; BSNs and IBANs are computed (see generate.ts). `expected` is what a careful
 * human reader would mark, not what the code happens to find; each near miss expects nothing.
 */
export interface LabelledCase {
  text: string;
  expected: { kind: PersonalDataKind; text: string }[];
}

/** What a community would put in `allow`: its own service number, phone number and visiting address. */
export const communityAllowList = ['0800-8051', '0596 123 456', 'Waterstraat 1'];

const b = [12345670, 23456781, 34567892, 45678903, 56789014, 67890125, 78901236, 89012347, 90123458, 13579246].map(bsn);
const eightDigitBsn = bsn(7654321);
const bad = [12345670, 45678903, 56789014, 67890125].map(brokenBsn);

const nl1 = iban('NL', 'PLEI0123456789', true);
const nl2 = iban('NL', 'TEST0987654321');
const nl3 = iban('NL', 'PLEI0555123400', true);
const nl4 = iban('NL', 'TEST0000321987');
const be = iban('BE', '001234567891', true);
const de = iban('DE', '100000001234567890', true);
const fr = iban('FR', '20041010050500013M02606');

const bsnCases: LabelledCase[] = [
  {
    text: `Mijn BSN is ${b[0]}. Ik ben sinds maart ziek en mijn werkgever betaalt niet meer door. Wat kan ik doen?`,
    expected: [{ kind: 'bsn', text: b[0]! }],
  },
  {
    text: `Bij de aanvraag van de WW moest ik mijn burgerservicenummer invullen: ${grouped(b[1]!, [3, 3, 3], ' ')}. Klopt het dat ik daarna nog een brief krijg?`,
    expected: [{ kind: 'bsn', text: grouped(b[1]!, [3, 3, 3], ' ') }],
  },
  {
    text: `Op mijn oude loonstrook staat sofinummer ${grouped(b[2]!, [4, 2, 3], '.')}. Is dat hetzelfde als mijn BSN?`,
    expected: [{ kind: 'bsn', text: grouped(b[2]!, [4, 2, 3], '.') }],
  },
  {
    text: `Het UWV vraagt om mijn BSN (${b[3]}) bij de ziekmelding. Moet ik dat ook aan mijn werkgever geven?`,
    expected: [{ kind: 'bsn', text: b[3]! }],
  },
  {
    text: `bsn-nummer ${grouped(b[4]!, [3, 3, 3], '-')}, ik wil weten of mijn bijstand al is goedgekeurd`,
    expected: [{ kind: 'bsn', text: grouped(b[4]!, [3, 3, 3], '-') }],
  },
  {
    text: `Mijn sofi nummer is ${b[5]} en ik werk sinds 2019 bij dezelfde werkgever. Heb ik recht op een transitievergoeding?`,
    expected: [{ kind: 'bsn', text: b[5]! }],
  },
  {
    text: `Ik heb een brief van de gemeente gekregen met bovenaan ${b[6]}. Moet ik daarop reageren voor mijn bijstand?`,
    expected: [{ kind: 'bsn', text: b[6]! }],
  },
  {
    text: `BSN: ${eightDigitBsn}\nIk zit in de ziektewet en mijn contract loopt af. Krijg ik dan WW?`,
    expected: [{ kind: 'bsn', text: eightDigitBsn }],
  },
  {
    text: `Burgerservicenummer ${b[7]}, geboren op 12-04-1975. Mijn uitkering is gestopt zonder bericht.`,
    expected: [
      { kind: 'bsn', text: b[7]! },
      { kind: 'date-of-birth', text: '12-04-1975' },
    ],
  },
  {
    text: `Kan iemand mij helpen? ${b[8]} is mijn bsn, ik ben ontslagen op staande voet en weet niet wat ik moet doen.`,
    expected: [{ kind: 'bsn', text: b[8]! }],
  },
  {
    text: `Ik heb de WIA aangevraagd. BSN ${grouped(b[9]!, [3, 3, 3], '.')}. Hoe lang duurt de beoordeling?`,
    expected: [{ kind: 'bsn', text: grouped(b[9]!, [3, 3, 3], '.') }],
  },
  {
    text: `Voor mijn man (BSN ${b[1]}) en mij (BSN ${b[2]}) vragen we samen bijstand aan. Telt zijn vakantiegeld mee?`,
    expected: [
      { kind: 'bsn', text: b[1]! },
      { kind: 'bsn', text: b[2]! },
    ],
  },
];

const bsnNearMisses: LabelledCase[] = [
  { text: `Mijn BSN is ${bad[0]}, klopt dat nummer wel? De site zegt dat het ongeldig is.`, expected: [] },
  { text: `Ik heb ${bad[1]} als nummer gekregen maar weet niet waarvoor het is.`, expected: [] },
  {
    text: `Ordernummer ${b[3]}: de laptop van mijn werkgever is nooit aangekomen, moet ik hem toch terugbetalen?`,
    expected: [],
  },
  { text: `Mijn klantnummer is ${b[4]}. Waarom duurt het zo lang voor de WW wordt uitbetaald?`, expected: [] },
  { text: `Zaaknummer 2024-123456. Ik heb bezwaar gemaakt tegen de beslissing over mijn bijstand.`, expected: [] },
  { text: `Het kenmerk van de brief is ${b[5]}. Ze willen dat ik binnen twee weken reageer.`, expected: [] },
  { text: `Ik verdien € 1.250,00 netto per maand. Heb ik dan recht op aanvullende bijstand?`, expected: [] },
  { text: `Het oude rekeningnummer was ${b[6]}0, is dat nog geldig voor de uitbetaling?`, expected: [] },
  { text: `Mijn dossiernummer bij het UWV is ${b[7]}, maar ik krijg geen antwoord op mijn mail.`, expected: [] },
  { text: `BSN ${bad[2]} werd geweigerd in het formulier. Wat moet ik dan invullen?`, expected: [] },
  {
    text: `De factuur met factuurnummer ${b[8]} van de re-integratiebegeleiding moet ik zelf betalen, klopt dat?`,
    expected: [],
  },
  {
    text: `In 2023 had ik 123456789 stappen gezet volgens mijn app, grapje. Maar serieus: telt sporten mee als re-integratie?`,
    expected: [],
  },
  { text: `Personeelsnummer ${bad[3]}. Mijn werkgever zegt dat ik mijn vakantiedagen kwijt ben.`, expected: [] },
];

const ibanCases: LabelledCase[] = [
  {
    text: `De bijstand wordt gestort op ${nl1}. Ik heb een nieuwe rekening geopend, hoe geef ik dat door?`,
    expected: [{ kind: 'iban', text: nl1 }],
  },
  {
    text: `Mijn werkgever heeft mijn loon over oktober niet op ${nl2} gezet. Wat kan ik doen?`,
    expected: [{ kind: 'iban', text: nl2 }],
  },
  {
    text: `Ik moet € 340 terugbetalen aan het UWV. Ze noemen rekening ${nl3}, maar is dat wel echt van het UWV?`,
    expected: [{ kind: 'iban', text: nl3 }],
  },
  {
    text: `iban: ${nl4.toLowerCase()} (op naam van mijn moeder). Mag de bijstand daarop gestort worden?`,
    expected: [{ kind: 'iban', text: nl4.toLowerCase() }],
  },
  {
    text: `Ik woon in België en werkte in Nederland. Mijn WW komt op ${be}. Moet ik dat bij de Belgische RVA melden?`,
    expected: [{ kind: 'iban', text: be }],
  },
  {
    text: `Ik ben grensarbeider en mijn Duitse rekening is ${de}. Kan de uitkering daarheen?`,
    expected: [{ kind: 'iban', text: de }],
  },
  {
    text: `Mijn Franse rekening (${fr}) wordt niet geaccepteerd in het formulier. Wie weet hoe dat zit?`,
    expected: [{ kind: 'iban', text: fr }],
  },
  {
    text: `Ik heb van ${nl2} naar ${iban('NL', 'PLEI0444555666')} overgemaakt, maar de gemeente ziet het niet.`,
    expected: [
      { kind: 'iban', text: nl2 },
      { kind: 'iban', text: iban('NL', 'PLEI0444555666') },
    ],
  },
  {
    text: `Rekeningnummer ${iban('NL', 'TEST0123123123', true)}\nMet vriendelijke groet,\nSanne Visser`,
    expected: [
      { kind: 'iban', text: iban('NL', 'TEST0123123123', true) },
      { kind: 'name', text: 'Sanne Visser' },
    ],
  },
];

const ibanNearMisses: LabelledCase[] = [
  {
    text: `Ik heb ${brokenIban('NL', 'PLEI0123456789')} ingevuld maar het formulier zegt dat het niet klopt.`,
    expected: [],
  },
  { text: `Het UWV vraagt om een IBAN. Is dat hetzelfde als mijn oude rekeningnummer?`, expected: [] },
  { text: `NL is het land waar ik werk, maar ik woon in Duitsland. Waar vraag ik WW aan?`, expected: [] },
];

const phoneCases: LabelledCase[] = [
  {
    text: 'Wie kan mij bellen over mijn ontslag? Mijn nummer is 06-12345678, ik ben na 17 uur bereikbaar.',
    expected: [{ kind: 'phone', text: '06-12345678' }],
  },
  {
    text: 'Bel me gerust op 06 2345 6789. Ik snap de brief over mijn WW niet.',
    expected: [{ kind: 'phone', text: '06 2345 6789' }],
  },
  {
    text: 'Ik woon in het buitenland, bereikbaar via +31 6 34567890. Kan ik mijn bijstand meenemen?',
    expected: [{ kind: 'phone', text: '+31 6 34567890' }],
  },
  {
    text: 'Mijn mobiel: 0031 6 45678901. Mijn werkgever wil dat ik een vaststellingsovereenkomst teken.',
    expected: [{ kind: 'phone', text: '0031 6 45678901' }],
  },
  {
    text: 'Telefoon +31 (0)6 56789012, graag na 12 uur. Mijn vraag gaat over de wachttijd voor de WIA.',
    expected: [{ kind: 'phone', text: '+31 (0)6 56789012' }],
  },
  {
    text: 'Thuis bereikbaar op 010-1234567. Ik ben 58 en bang dat ik na de WW in de bijstand kom.',
    expected: [{ kind: 'phone', text: '010-1234567' }],
  },
  {
    text: 'Mijn vaste nummer is 0596 654321, mobiel heb ik niet. Hoe vraag ik bijzondere bijstand aan?',
    expected: [{ kind: 'phone', text: '0596 654321' }],
  },
  {
    text: 'Je kunt me bellen op 050 - 123 45 67 als iemand meer weet over een ontslag tijdens ziekte.',
    expected: [{ kind: 'phone', text: '050 - 123 45 67' }],
  },
  {
    text: 'tel. 020 765 4321 (alleen ochtend). De arbodienst zegt dat ik weer moet beginnen.',
    expected: [{ kind: 'phone', text: '020 765 4321' }],
  },
  {
    text: 'Mijn nummer: (013) 5432109. Wie heeft ervaring met een deskundigenoordeel?',
    expected: [{ kind: 'phone', text: '(013) 5432109' }],
  },
  {
    text: 'Ik heb 0612345678 doorgegeven aan de klantmanager, maar ze belt nooit terug.',
    expected: [{ kind: 'phone', text: '0612345678' }],
  },
  {
    text: 'Mijn werkgever belde vanaf 085 123 4567 en zei dat ik niet meer hoef te komen. Is dat ontslag?',
    expected: [{ kind: 'phone', text: '085 123 4567' }],
  },
  {
    text: 'Ik heb het UWV gebeld op 0800-1234 maar kreeg niemand te spreken.',
    expected: [{ kind: 'phone', text: '0800-1234' }],
  },
  {
    text: 'Een bureau belde mij vanaf 0900 1234567 en vroeg geld om mijn WW-aanvraag te versnellen. Oplichting?',
    expected: [{ kind: 'phone', text: '0900 1234567' }],
  },
  {
    text: 'De gemeente zegt: bel 14 0591. Maar daar krijg ik steeds een bandje.',
    expected: [{ kind: 'phone', text: '14 0591' }],
  },
  {
    text: 'Via 140598 kwam ik bij de verkeerde afdeling terecht. Wie gaat over de bijstand?',
    expected: [{ kind: 'phone', text: '140598' }],
  },
  {
    text: 'Mijn dochter helpt mij, haar nummer is 06.87654321. Ik lees slecht en begrijp de brieven niet.',
    expected: [{ kind: 'phone', text: '06.87654321' }],
  },
  {
    text: 'Bel mij op 06-98765432 of 0591-123456. Het gaat over achterstallig loon.',
    expected: [
      { kind: 'phone', text: '06-98765432' },
      { kind: 'phone', text: '0591-123456' },
    ],
  },
  {
    text: 'Mijn nieuwe nummer is +316 11223344, het oude werkt niet meer. Graag aanpassen in mijn dossier.',
    expected: [{ kind: 'phone', text: '+316 11223344' }],
  },
];

const phoneNearMisses: LabelledCase[] = [
  { text: 'Bel het Werkplein op 0800 8051, dat is gratis.', expected: [] },
  { text: 'U kunt ons bellen op 0596-123456 op werkdagen.', expected: [] },
  { text: 'Op 01-01-2024 12:00 kreeg ik de brief over mijn ontslag.', expected: [] },
  { text: 'Het Werkplein is open van 09.00 - 17.00 uur, behalve op vrijdag.', expected: [] },
  { text: 'Ik kreeg € 1.234,56 te weinig uitbetaald over de maand mei.', expected: [] },
  { text: 'Ordernummer 0612345678 staat op de pakbon van mijn werkschoenen.', expected: [] },
  { text: 'Zaaknummer 2024-0123456: mijn bezwaar tegen de terugvordering.', expected: [] },
  { text: 'In artikel 7:669 BW staan de redelijke gronden voor ontslag.', expected: [] },
  { text: 'Volgens art. 40 WW moet ik solliciteren. Hoeveel keer per week?', expected: [] },
  { text: 'Ik werk 32 uur per week en verdien 2.850 bruto. Mijn uitkering is 70% van mijn dagloon.', expected: [] },
  { text: 'Ik heb van 2019 tot 2024 bij dezelfde baas gewerkt, 5 jaar dus.', expected: [] },
  { text: 'De brief is van 03-05-2024 en ik moet binnen 6 weken bezwaar maken.', expected: [] },
];

const emailCases: LabelledCase[] = [
  {
    text: 'Mail mij gerust op jan.devries@example.nl als u meer weet over de WW-regels voor zzp’ers.',
    expected: [{ kind: 'email', text: 'jan.devries@example.nl' }],
  },
  {
    text: 'Mijn e-mailadres is petra_vdberg1978@gmail.test. Ik krijg geen reactie van de klantmanager.',
    expected: [{ kind: 'email', text: 'petra_vdberg1978@gmail.test' }],
  },
  {
    text: 'Stuur de uitleg naar K.Bakker+uwv@mail.example.com, dan lees ik het vanavond.',
    expected: [{ kind: 'email', text: 'K.Bakker+uwv@mail.example.com' }],
  },
  {
    text: 'Contact: fatima-el-amrani@voorbeeld-post.nl\nIk wil bezwaar maken tegen mijn ontslag.',
    expected: [{ kind: 'email', text: 'fatima-el-amrani@voorbeeld-post.nl' }],
  },
  {
    text: 'Mijn werkgever mailde vanaf hr@bedrijf.example dat mijn contract niet wordt verlengd. Mag dat per mail?',
    expected: [{ kind: 'email', text: 'hr@bedrijf.example' }],
  },
  {
    text: 'Wie wil meelezen met mijn bezwaarschrift? Ik ben te bereiken via sevda.ozturk@example.org.',
    expected: [{ kind: 'email', text: 'sevda.ozturk@example.org' }],
  },
];

const emailNearMisses: LabelledCase[] = [
  { text: 'Ik heb het Werkplein gemaild, maar na drie weken nog geen antwoord. Is dat normaal?', expected: [] },
  { text: 'Op Twitter schreef @uwv dat ik moet wachten. Hoe lang nog?', expected: [] },
];

const postcodeCases: LabelledCase[] = [
  {
    text: 'Mijn adres is Hoofdstraat 12, 9934 AB Delfzijl. Kan ik bijstand aanvragen als ik hier net woon?',
    expected: [
      { kind: 'street-address', text: 'Hoofdstraat 12' },
      { kind: 'postcode', text: '9934 AB' },
    ],
  },
  {
    text: 'Postcode 9901CD. Valt mijn adres onder de gemeente Eemsdelta of Groningen?',
    expected: [{ kind: 'postcode', text: '9901CD' }],
  },
  {
    text: 'Ik ben verhuisd naar 9712 KL Groningen. Moet ik dat aan het UWV doorgeven?',
    expected: [{ kind: 'postcode', text: '9712 KL' }],
  },
  {
    text: 'Mijn postcode is 9932ab. Hoort daar het Werkplein in Delfzijl bij?',
    expected: [{ kind: 'postcode', text: '9932ab' }],
  },
  {
    text: 'Ik woon in 2511 CV Den Haag en werk in Rotterdam. Welk UWV-kantoor hoort bij mij?',
    expected: [{ kind: 'postcode', text: '2511 CV' }],
  },
  {
    text: 'Op het formulier staat 9934 XY, maar dat is mijn oude postcode. Geeft dat problemen?',
    expected: [{ kind: 'postcode', text: '9934 XY' }],
  },
  {
    text: 'Kerkweg 3a\n9901 EF  Appingedam\nIk heb een vraag over de kostendelersnorm.',
    expected: [
      { kind: 'street-address', text: 'Kerkweg 3a' },
      { kind: 'postcode', text: '9901 EF' },
    ],
  },
  {
    text: 'Het pand aan de Molenlaan 14-2, 2024 HM Haarlem wordt verkocht. Moet ik verhuizen met mijn uitkering?',
    expected: [
      { kind: 'street-address', text: 'Molenlaan 14-2' },
      { kind: 'postcode', text: '2024 HM' },
    ],
  },
];

const postcodeNearMisses: LabelledCase[] = [
  { text: 'Ik heb in 2024 WW aangevraagd en nu is het 2025. Hoe lang heb ik nog recht?', expected: [] },
  { text: 'Ik verdien 1800 en de huur is 750 per maand. Krijg ik huurtoeslag?', expected: [] },
  { text: 'Wat is de postcode van het Werkplein? Ik wil er met de navigatie heen.', expected: [] },
  { text: 'Sinds 2023 AOW voor mijn man, maar ik ben pas 60. Hoe zit het met mijn bijstand?', expected: [] },
  { text: 'Mijn bruto loon is 3200 per maand, mijn WW wordt 2240 ongeveer.', expected: [] },
];

const birthDateCases: LabelledCase[] = [
  {
    text: 'Ik ben geboren op 15-03-1980 en werk al 20 jaar in de zorg. Kan ik met 44 nog omscholen met behoud van WW?',
    expected: [{ kind: 'date-of-birth', text: '15-03-1980' }],
  },
  {
    text: 'Geboortedatum: 3/7/1962. Wanneer krijg ik AOW en moet ik tot die tijd solliciteren?',
    expected: [{ kind: 'date-of-birth', text: '3/7/1962' }],
  },
  {
    text: 'Ik ben geboren 12 mei 1966. Geldt de IOW-regeling voor mij?',
    expected: [{ kind: 'date-of-birth', text: '12 mei 1966' }],
  },
  {
    text: 'geb. 01.02.1990, ik ben sinds januari werkloos en woon bij mijn ouders.',
    expected: [{ kind: 'date-of-birth', text: '01.02.1990' }],
  },
  {
    text: 'Mijn geboortedatum is 1971-11-30. Heeft mijn leeftijd invloed op de duur van de WW?',
    expected: [{ kind: 'date-of-birth', text: '1971-11-30' }],
  },
  {
    text: 'Mijn zoon is geboren op 4 sept. 2006 en gaat nu werken. Telt zijn loon mee voor mijn bijstand?',
    expected: [{ kind: 'date-of-birth', text: '4 sept. 2006' }],
  },
  {
    text: 'Ik ben geboren in Groningen op 21 oktober 1958 en ben nu 65. Krijg ik nog een toeslag?',
    expected: [{ kind: 'date-of-birth', text: '21 oktober 1958' }],
  },
  {
    text: 'Geboren: 30-06-85. Mijn contract van 2 jaar wordt niet verlengd, heb ik recht op een transitievergoeding?',
    expected: [{ kind: 'date-of-birth', text: '30-06-85' }],
  },
];

const birthDateNearMisses: LabelledCase[] = [
  { text: 'Op 15-03-2024 ben ik ziek geworden. Wanneer moet de werkgever mij ziek melden bij het UWV?', expected: [] },
  { text: 'Mijn ontslag gaat in per 1 april 2024. Kan ik dan meteen WW aanvragen?', expected: [] },
  { text: 'Ik ben in 1980 geboren, dus dit jaar 44. Heb ik recht op de IOW?', expected: [] },
  { text: 'Mijn kind wordt in mei geboren. Hoe zit het met verlof als ik in de WW zit?', expected: [] },
  { text: 'De hoorzitting is op 12 juni 2024 om 10.00 uur. Mag ik iemand meenemen?', expected: [] },
  { text: 'Sinds 2020-09-01 werk ik parttime. Telt dat mee voor mijn WW-rechten?', expected: [] },
];

const addressCases: LabelledCase[] = [
  {
    text: 'Ik woon op de Hoofdstraat 12 in Delfzijl en mijn huisbaas wil dat ik vertrek. Kan dat met bijstand?',
    expected: [{ kind: 'street-address', text: 'Hoofdstraat 12' }],
  },
  {
    text: 'Mijn werkgever zit aan de Industrieweg 45 en ik kan daar niet meer komen door mijn rug.',
    expected: [{ kind: 'street-address', text: 'Industrieweg 45' }],
  },
  {
    text: 'Mijn nieuwe adres: Van der Helststraat 5 bis. Moet ik dat zelf aan de gemeente doorgeven?',
    expected: [{ kind: 'street-address', text: 'Van der Helststraat 5 bis' }],
  },
  {
    text: 'We wonen met z’n vieren op Burgemeester Smitsingel 8. Telt mijn inwonende zoon mee voor de kostendelersnorm?',
    expected: [{ kind: 'street-address', text: 'Burgemeester Smitsingel 8' }],
  },
  {
    text: 'Ik woon aan de Kerkbrink 4 en de gemeente zegt dat ik daar niet sta ingeschreven.',
    expected: [{ kind: 'street-address', text: 'Kerkbrink 4' }],
  },
  {
    text: 'Brieven komen op Oosterhaven 17A terecht, maar ik woon daar niet meer. Wat moet ik doen?',
    expected: [{ kind: 'street-address', text: 'Oosterhaven 17A' }],
  },
  {
    text: 'In de Julianalaan 101 is een inloopspreekuur, weet iemand of je daar hulp krijgt met de WW-aanvraag?',
    expected: [{ kind: 'street-address', text: 'Julianalaan 101' }],
  },
  {
    text: 'Ik ben verhuisd van de Stationsplein 3 naar de Markt 7. Verandert mijn bijstand?',
    expected: [
      { kind: 'street-address', text: 'Stationsplein 3' },
      { kind: 'street-address', text: 'Markt 7' },
    ],
  },
  {
    text: 'Mijn ex woont nog op Prins Hendrikkade 220-3 en krijgt mijn post. Hoe los ik dat op?',
    expected: [{ kind: 'street-address', text: 'Prins Hendrikkade 220-3' }],
  },
  {
    text: 'Ik woon op de Zuiderring 9 en de bus naar het werk is opgeheven. Is dat een reden om ontslag te nemen?',
    expected: [{ kind: 'street-address', text: 'Zuiderring 9' }],
  },
  {
    text: 'Adres: Schoolpad 2, 9936 HG Farmsum. Ik wil weten of ik een taalcursus vergoed krijg.',
    expected: [
      { kind: 'street-address', text: 'Schoolpad 2' },
      { kind: 'postcode', text: '9936 HG' },
    ],
  },
];

const addressNearMisses: LabelledCase[] = [
  { text: 'Het Werkplein zit aan de Waterstraat 1 in Delfzijl, daar kunt u zonder afspraak langskomen.', expected: [] },
  { text: 'Ik woon al 12 jaar in de Hoofdstraat en ken iedereen, maar nu moet ik verhuizen.', expected: [] },
  { text: 'Moet ik naar het Werkplein aan de Marktstraat of naar het gemeentehuis?', expected: [] },
  { text: 'Mijn uitkering stopt over 3 maanden. Wat dan?', expected: [] },
  { text: 'Mijn Verzekering 2 jaar geleden afgesloten, telt die mee bij de bijstand?', expected: [] },
  { text: 'Op de Markt staat elke week een kraam van de vakbond. Kunnen die helpen bij ontslag?', expected: [] },
  { text: 'Vanaf Week 12 moet ik van de Arbodienst weer 4 uur per dag werken.', expected: [] },
  { text: 'Hoofdstuk 7 van het re-integratieplan zegt dat ik moet verhuizen voor werk. Klopt dat?', expected: [] },
];

const nameCases: LabelledCase[] = [
  {
    text: 'Hallo, mijn naam is Anna Bakker. Ik ben 52 en na 30 jaar ontslagen. Wie kan mij op weg helpen?',
    expected: [{ kind: 'name', text: 'Anna Bakker' }],
  },
  {
    text: 'Ik heet Mohammed El Amrani en ik ben in de bijstand gekomen na een scheiding.',
    expected: [{ kind: 'name', text: 'Mohammed El Amrani' }],
  },
  {
    text: 'Goedemiddag, ik ben Priya Ramdin en werk als schoonmaker. Mijn werkgever betaalt mijn reiskosten niet.',
    expected: [{ kind: 'name', text: 'Priya Ramdin' }],
  },
  {
    text: 'Mijn vraag is: mag de gemeente mijn spaargeld meetellen?\n\nGroet, Jan de Vries',
    expected: [{ kind: 'name', text: 'Jan de Vries' }],
  },
  {
    text: 'Alvast bedankt voor jullie hulp!\n\nMet vriendelijke groet,\nPetra van der Berg',
    expected: [{ kind: 'name', text: 'Petra van der Berg' }],
  },
  {
    text: 'Ik snap er niets meer van. Groetjes Kees',
    expected: [{ kind: 'name', text: 'Kees' }],
  },
  {
    text: 'Hoe zit dat met de wachttijd? Mvg, Henk ter Horst',
    expected: [{ kind: 'name', text: 'Henk ter Horst' }],
  },
  {
    text: 'Mevrouw Jansen van het UWV zei dat ik te laat was met mijn aanvraag. Klopt dat?',
    expected: [{ kind: 'name', text: 'Jansen' }],
  },
  {
    text: 'Ik had een gesprek met meneer Kuipers van de gemeente over een werkervaringsplaats.',
    expected: [{ kind: 'name', text: 'Kuipers' }],
  },
  {
    text: 'Mijn leidinggevende, dhr. P. de Wit, wil dat ik een vaststellingsovereenkomst teken.',
    expected: [{ kind: 'name', text: 'P. de Wit' }],
  },
  {
    text: 'De klantmanager, mw. Mulder, belt nooit terug. Bij wie kan ik een klacht indienen?',
    expected: [{ kind: 'name', text: 'Mulder' }],
  },
  {
    text: 'Hoi allemaal, ik ben Sevda en ik zoek mensen die ook ervaring hebben met de WIA-keuring.',
    expected: [{ kind: 'name', text: 'Sevda' }],
  },
  {
    text: 'Bedankt voor het meedenken.\nGroeten,\nMarieke in ’t Veld',
    expected: [{ kind: 'name', text: 'Marieke in ’t Veld' }],
  },
  {
    text: "Bedankt voor het meedenken.\nGroeten,\nMarieke in 't Veld",
    expected: [{ kind: 'name', text: "Marieke in 't Veld" }],
  },
  {
    text: 'Mijn naam is Ahmet Yılmaz, ik werk via een uitzendbureau en word ziek. Krijg ik Ziektewet?',
    expected: [{ kind: 'name', text: 'Ahmet Yılmaz' }],
  },
  {
    text: 'Vriendelijke groet,\nTom van den Heuvel\nDelfzijl',
    expected: [{ kind: 'name', text: 'Tom van den Heuvel' }],
  },
  {
    text: 'Ik heb een brief gekregen van de heer Bos, de jurist van mijn werkgever. Moet ik daarop reageren?',
    expected: [{ kind: 'name', text: 'Bos' }],
  },
  {
    text: 'Wie weet raad? Gr. Anne-Marie',
    expected: [{ kind: 'name', text: 'Anne-Marie' }],
  },
  {
    text: 'Ik ben Wim Jansen, 61 jaar, en na 40 jaar trouwe dienst ontslagen wegens reorganisatie.',
    expected: [{ kind: 'name', text: 'Wim Jansen' }],
  },
  {
    text: 'Mevrouw Van Dijk van de sociale dienst zegt dat mijn auto verkocht moet worden.',
    expected: [{ kind: 'name', text: 'Van Dijk' }],
  },
];

const nameNearMisses: LabelledCase[] = [
  { text: 'Ik ben ziek sinds februari en mijn werkgever wil dat ik toch kom werken.', expected: [] },
  { text: 'Mevrouw de bedrijfsarts zegt dat ik 2 uur per dag kan werken. Moet ik dat doen?', expected: [] },
  { text: 'Hoe kan ik bezwaar maken tegen de terugvordering?\n\nGroet, Anoniem', expected: [] },
  { text: 'Ik heet u welkom op deze pagina, stel gerust uw vraag over werk en inkomen.', expected: [] },
  { text: 'Groeten uit Groningen, waar het Werkplein altijd dicht lijkt.', expected: [] },
  { text: 'Ik ben Wajonger en wil meer uren werken. Wat gebeurt er met mijn uitkering?', expected: [] },
  { text: 'Ik ben ZZP’er en mijn opdrachtgever stopt. Heb ik recht op WW?', expected: [] },
  { text: 'Met vriendelijke groet,\nEen bezorgde moeder', expected: [] },
  { text: 'Meneer de klantmanager heeft mij beloofd terug te bellen, maar dat gebeurt niet.', expected: [] },
  { text: 'Ik ben op 1 mei ontslagen en heb nog geen WW. Wat nu?', expected: [] },
  { text: 'Ik ben UWV-klant sinds 2022 en krijg steeds andere antwoorden.', expected: [] },
  { text: 'Ik ben bij de huisarts geweest en die zegt dat ik rust moet nemen.', expected: [] },
];

/** Longer questions with several kinds in them, as people write them when they are worried. */
const mixedCases: LabelledCase[] = [
  {
    text:
      `Beste mensen,\n\nIk ben Fatima Bouali en woon op de Dijkstraat 21, 9934 CD Delfzijl. Mijn BSN is ${b[0]}. ` +
      `Sinds ik ontslagen ben krijg ik WW, maar die wordt niet meer op ${nl1} gestort. ` +
      'Bel me alstublieft op 06-23456789 of mail naar f.bouali@example.nl.\n\nGroet,\nFatima Bouali',
    expected: [
      { kind: 'name', text: 'Fatima Bouali' },
      { kind: 'street-address', text: 'Dijkstraat 21' },
      { kind: 'postcode', text: '9934 CD' },
      { kind: 'bsn', text: b[0]! },
      { kind: 'iban', text: nl1 },
      { kind: 'phone', text: '06-23456789' },
      { kind: 'email', text: 'f.bouali@example.nl' },
      { kind: 'name', text: 'Fatima Bouali' },
    ],
  },
  {
    text:
      'Ik ben sinds 3 maanden ziek thuis met een burn-out. De bedrijfsarts wil dat ik volgende week begin. ' +
      'Mijn werkgever (Bakkerij Smit, Nieuwstraat 8) dreigt met ontslag. Mag dat tijdens ziekte?',
    expected: [{ kind: 'street-address', text: 'Nieuwstraat 8' }],
  },
  {
    text:
      `Geboren op 5 januari 1970, BSN ${grouped(b[3]!, [3, 3, 3], ' ')}. ` +
      'Ik heb een WIA-uitkering en wil weten of ik mag bijverdienen. Groet, Ingrid',
    expected: [
      { kind: 'date-of-birth', text: '5 januari 1970' },
      { kind: 'bsn', text: grouped(b[3]!, [3, 3, 3], ' ') },
      { kind: 'name', text: 'Ingrid' },
    ],
  },
  {
    text:
      'Vorige week belde mevrouw Smit van het Werkplein (0596 123 456) dat mijn bijstand stopt. ' +
      'Ik woon op de Kloosterlaan 3, 9901 GH Appingedam. Kan ik bezwaar maken?',
    expected: [
      { kind: 'name', text: 'Smit' },
      { kind: 'street-address', text: 'Kloosterlaan 3' },
      { kind: 'postcode', text: '9901 GH' },
    ],
  },
  {
    text:
      'Na mijn operatie aan mijn knie ben ik 6 weken uit de roulatie. Mijn contract loopt op 31-12-2024 af. ' +
      'Krijg ik dan Ziektewet of WW? Mvg, Bram Mulder (06 1122 3344)',
    expected: [
      { kind: 'name', text: 'Bram Mulder' },
      { kind: 'phone', text: '06 1122 3344' },
    ],
  },
  {
    text:
      `Mijn partner en ik zijn gescheiden. Ik wil de bijstand op mijn eigen rekening ${nl3} en niet meer op de ` +
      'gezamenlijke. Mijn e-mail is sanne.visser@example.nl. Sanne',
    expected: [
      { kind: 'iban', text: nl3 },
      { kind: 'email', text: 'sanne.visser@example.nl' },
      { kind: 'name', text: 'Sanne' },
    ],
  },
  {
    text:
      'Ik (geboren 14-08-1983) heb in 2023 drie keer een contract voor 6 maanden gehad. ' +
      'Telt de ketenregeling? Ordernummer van mijn laatste loonstrook is 2024-0045. Groet, Joost',
    expected: [
      { kind: 'date-of-birth', text: '14-08-1983' },
      { kind: 'name', text: 'Joost' },
    ],
  },
  {
    text:
      'Ik heb € 2.340,50 schuld bij de Belastingdienst en de gemeente wil beslag leggen op mijn uitkering. ' +
      'Bel het Werkplein niet, dat heb ik al gedaan (0800-8051). Groeten, Kevin Brouwer, Hoofdweg 120, 9661 AA Alteveer',
    expected: [
      { kind: 'name', text: 'Kevin Brouwer' },
      { kind: 'street-address', text: 'Hoofdweg 120' },
      { kind: 'postcode', text: '9661 AA' },
    ],
  },
  {
    text:
      'Mijn naam is Lisa Hoekstra. Mijn werkgever heeft mijn loon niet betaald, maar ik heb wel een ' +
      `loonstrook met BSN ${b[5]} en mijn rekening ${nl2}. Wat moet ik doen?`,
    expected: [
      { kind: 'name', text: 'Lisa Hoekstra' },
      { kind: 'bsn', text: b[5]! },
      { kind: 'iban', text: nl2 },
    ],
  },
  {
    text:
      'Hallo, ik ben Ricardo. Ik ben 24, woon nog thuis in 9933 BA Delfzijl en krijg geen bijstand omdat mijn ' +
      'ouders te veel verdienen. Klopt dat? Mijn nummer is 06-55512345.',
    expected: [
      { kind: 'name', text: 'Ricardo' },
      { kind: 'postcode', text: '9933 BA' },
      { kind: 'phone', text: '06-55512345' },
    ],
  },
  {
    text:
      'Ik kreeg een mail van info@werkplein.example met een link. Moet ik daar mijn DigiD invullen? ' +
      'Het zag er raar uit. Groet, een oplettende burger',
    expected: [{ kind: 'email', text: 'info@werkplein.example' }],
  },
  {
    text:
      'Per 1 juli krijg ik geen WW meer. Artikel 19 WW zegt dat ik ‘verwijtbaar werkloos’ ben. ' +
      'Ik ben in totaal 12 jaar in dienst geweest bij hetzelfde bedrijf aan de Parallelweg 2 in Winschoten.',
    expected: [{ kind: 'street-address', text: 'Parallelweg 2' }],
  },
  {
    text: 'Werkplein Eemsdelta, Waterstraat 1, Delfzijl. Tel. 0800 8051. Open van 9.00 tot 16.00 uur.',
    expected: [],
  },
  {
    text:
      `Hierbij mijn gegevens: Naam: Youssef Amrani, Geboortedatum: 22-09-1991, BSN: ${b[6]}, ` +
      `Rekening: ${nl4}. Kan iemand mij helpen met het formulier?`,
    expected: [
      { kind: 'name', text: 'Youssef Amrani' },
      { kind: 'date-of-birth', text: '22-09-1991' },
      { kind: 'bsn', text: b[6]! },
      { kind: 'iban', text: nl4 },
    ],
  },
  {
    text:
      'Sorry voor de lange tekst. Ik ben 35, ben ziek geworden in mijn proeftijd en mijn werkgever zegt dat ik ' +
      'nu geen recht heb op loon. Klopt dat? Ik hoop dat iemand antwoord weet.\n\nMet vriendelijke groeten,\nD. Koster',
    expected: [{ kind: 'name', text: 'D. Koster' }],
  },
];

/** Written after the code, to check it on forms it was not tuned for; kept as they came out. */
const laterCases: LabelledCase[] = [
  {
    text: 'Mijn telefoonnummer is 06 - 12 34 56 78. Ik wil weten of ik mijn vakantiegeld terugkrijg.',
    expected: [{ kind: 'phone', text: '06 - 12 34 56 78' }],
  },
  {
    text: `Mijn BSN-nummer: ${grouped(b[2]!, [4, 2, 3], ' ')}. De gemeente zegt dat ik niet ingeschreven sta.`,
    expected: [{ kind: 'bsn', text: grouped(b[2]!, [4, 2, 3], ' ') }],
  },
  {
    text: 'Ik woon in de Pr. Bernhardstraat 4 en mijn verhuurder wil de huur verhogen terwijl ik in de bijstand zit.',
    expected: [{ kind: 'street-address', text: 'Pr. Bernhardstraat 4' }],
  },
  {
    text: 'Sinds mijn hernia in 2022 kan ik geen zwaar werk meer doen. Moet ik dan toch solliciteren op alles?',
    expected: [],
  },
  {
    text: 'Stuur het maar naar Jan.Jansen@Example.NL, ik kijk vanavond.',
    expected: [{ kind: 'email', text: 'Jan.Jansen@Example.NL' }],
  },
  {
    text: 'Ik wacht op uw antwoord.\nGroet,\nmevrouw A. de Boer',
    expected: [{ kind: 'name', text: 'A. de Boer' }],
  },
  {
    text: 'Ik heb gebeld met 088 765 4321 en die zeiden dat mijn WW-aanvraag nog loopt.',
    expected: [{ kind: 'phone', text: '088 765 4321' }],
  },
  {
    text: 'Mijn geboortedatum: 15 mrt 1980. Valt mijn WW onder de oude of de nieuwe regels?',
    expected: [{ kind: 'date-of-birth', text: '15 mrt 1980' }],
  },
  {
    text: 'Kees (mijn man) heeft 06-11122233 als nummer, hij doet onze administratie.',
    expected: [
      { kind: 'name', text: 'Kees' },
      { kind: 'phone', text: '06-11122233' },
    ],
  },
  {
    text: 'Mijn buurman Piet zegt dat ik geen bijstand krijg als ik een auto heb. Is dat waar?',
    expected: [{ kind: 'name', text: 'Piet' }],
  },
  {
    text: `Op 2 juni 2023 (zaaknummer ${b[9]}) kreeg ik een boete van de sociale recherche.`,
    expected: [],
  },
  {
    text: 'Mijn oude werkgever: Jansen Transport BV, Transportweg 5 in Farmsum. Zij betalen mijn eindafrekening niet.',
    expected: [{ kind: 'street-address', text: 'Transportweg 5' }],
  },
  {
    text: 'Tel: 0596-654321 / 06-12312312. Bel liever na vijven, dan ben ik thuis van het werk.',
    expected: [
      { kind: 'phone', text: '0596-654321' },
      { kind: 'phone', text: '06-12312312' },
    ],
  },
  {
    text: 'Ik ben in Delfzijl, Hoofdstraat 1 opgegroeid en wil daar weer wonen. Kan ik met bijstand verhuizen?',
    expected: [{ kind: 'street-address', text: 'Hoofdstraat 1' }],
  },
  {
    text: 'Op de loonstrook staat 9.876,54 als jaarloon, maar dat klopt niet. Wie kan meekijken?',
    expected: [],
  },
  {
    text: 'De uitkering van 1 maart (€ 1.432,18) is op 04-03 gestort. Daarna niets meer.',
    expected: [],
  },
];

export const cases: LabelledCase[] = [
  ...bsnCases,
  ...bsnNearMisses,
  ...ibanCases,
  ...ibanNearMisses,
  ...phoneCases,
  ...phoneNearMisses,
  ...emailCases,
  ...emailNearMisses,
  ...postcodeCases,
  ...postcodeNearMisses,
  ...birthDateCases,
  ...birthDateNearMisses,
  ...addressCases,
  ...addressNearMisses,
  ...nameCases,
  ...nameNearMisses,
  ...mixedCases,
  ...laterCases,
];
