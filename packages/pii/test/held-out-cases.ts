/**
 * Held-out labelled cases for @plein/pii, written BLIND on 2026-11-29 by a helper session: without reading
 * packages/pii/src/ or test/cases.ts, only the kinds as README.md defines them. Each label is what a careful human would
 * call personal data of that kind, as the exact substring in the text, whether or not the finder can be expected to get
 * it (names without a cue, lower-case names and organisations' numbers are labelled as they are).
 *
 * Do NOT tune the finder against this set, and do not edit a case to make a figure go up. It only measures; if a case is
 * wrongly labelled, fix the label and say so in the commit message. New rules belong in test/cases.ts.
 *
 * BSNs and IBANs were computed with generate.ts (bsn(), iban()) at made-up banks; phone numbers, e-mail addresses,
 * names and addresses are invented.
 */
import type { LabelledCase } from './cases.ts';

export const heldOutCases: LabelledCase[] = [
  // ---- Cases with personal data ----

  // name
  {
    text: 'Hallo, mijn naam is Anouk Jansen en ik ben sinds maart ziek. Mijn werkgever wil nu dat ik naar de bedrijfsarts ga, mag dat zomaar?',
    expected: [{ kind: 'name', text: 'Anouk Jansen' }],
  },
  {
    text: 'Ik heet Sanne, 34 jaar, en ik ben net ontslagen. Heb ik recht op WW als ik zelf een vaststellingsovereenkomst teken?',
    expected: [{ kind: 'name', text: 'Sanne' }],
  },
  {
    text: 'Kan ik met een vast contract van 24 uur ook nog aanvullende bijstand krijgen? Alvast bedankt!\n\nGroetjes, Anouk',
    expected: [{ kind: 'name', text: 'Anouk' }],
  },
  {
    text: 'Mijn re-integratietraject loopt vast en ik weet niet meer wat ik moet doen.\n\nMet vriendelijke groet,\nM. de Boer',
    expected: [{ kind: 'name', text: 'M. de Boer' }],
  },
  {
    text: 'Mijn klantmanager bij de gemeente, mevrouw Yılmaz, zegt dat ik mijn spaargeld eerst moet opmaken voordat ik bijstand krijg. Klopt dat?',
    expected: [{ kind: 'name', text: 'Yılmaz' }],
  },
  {
    text: 'Mijn buurvrouw Ingrid helpt me met de formulieren, maar zij weet ook niet hoe het zit met de kostendelersnorm.',
    expected: [{ kind: 'name', text: 'Ingrid' }],
  },
  {
    text: 'Ik ben Fatima El Amrani, alleenstaande moeder van twee kinderen, en ik heb vragen over de inlichtingenplicht.',
    expected: [{ kind: 'name', text: 'Fatima El Amrani' }],
  },
  {
    text: 'Dag allemaal, ik ben Piet en ik werk al 31 jaar bij dezelfde werkgever. Nu dreigt ontslag via het UWV.',
    expected: [{ kind: 'name', text: 'Piet' }],
  },
  {
    text: 'Mijn leidinggevende meneer Visser belt me elke dag terwijl ik ziek thuis ben. Mag dat?',
    expected: [{ kind: 'name', text: 'Visser' }],
  },
  {
    text: "Kan iemand mij vertellen hoe lang de Ziektewet doorloopt na het einde van mijn contract?\n\nMvg,\nRuud van 't Hof",
    expected: [{ kind: 'name', text: "Ruud van 't Hof" }],
  },
  {
    text: 'Heeft iemand ervaring met een deskundigenoordeel? Bedankt alvast!\nGr. Henk',
    expected: [{ kind: 'name', text: 'Henk' }],
  },
  {
    text: 'mijn naam is jan-willem de graaf en ik heb een vraag over de transitievergoeding na 20 jaar dienstverband',
    expected: [{ kind: 'name', text: 'jan-willem de graaf' }],
  },
  {
    text: 'Moet ik de WW-uitkering terugbetalen als ik een nieuwe baan vind?\n\nVriendelijke groeten,\nSandra van Dijk-Koster\n06 - 1928 3746',
    expected: [
      { kind: 'name', text: 'Sandra van Dijk-Koster' },
      { kind: 'phone', text: '06 - 1928 3746' },
    ],
  },
  {
    text: 'Mijn casemanager bij het UWV heet mevrouw De Groot, en haar mail is m.degroot@example.nl maar ze reageert nooit.',
    expected: [
      { kind: 'name', text: 'De Groot' },
      { kind: 'email', text: 'm.degroot@example.nl' },
    ],
  },
  {
    text: 'Ik ben Priya Ramdin, 52, en ik zit sinds januari in de bijstand. Voor de vrijwilliger die zou bellen: 06 87 65 43 21.',
    expected: [
      { kind: 'name', text: 'Priya Ramdin' },
      { kind: 'phone', text: '06 87 65 43 21' },
    ],
  },
  {
    text: 'Namens mijn broer: hij heet Mohammed Benali, BSN 357901241, en hij spreekt nog weinig Nederlands.',
    expected: [
      { kind: 'name', text: 'Mohammed Benali' },
      { kind: 'bsn', text: '357901241' },
    ],
  },
  {
    text: 'Mail me gerust op a.dekker@example.nl. Groetjes, Lieke',
    expected: [
      { kind: 'email', text: 'a.dekker@example.nl' },
      { kind: 'name', text: 'Lieke' },
    ],
  },
  {
    text: 'WW-aanvraag namens mijn man, Şükrü Öztürk, geboren op 29-02-1968. Hij is na 25 jaar ontslagen.',
    expected: [
      { kind: 'name', text: 'Şükrü Öztürk' },
      { kind: 'date-of-birth', text: '29-02-1968' },
    ],
  },

  // bsn
  {
    text: 'Mijn BSN is 273849104, moet ik dat op het formulier van het UWV invullen of is dat niet nodig?',
    expected: [{ kind: 'bsn', text: '273849104' }],
  },
  {
    text: 'Op de brief van de Belastingdienst staat burgerservicenummer 315 790 271 maar dat is niet van mij, ik heb een ander nummer.',
    expected: [{ kind: 'bsn', text: '315 790 271' }],
  },
  {
    text: 'bsn: 1928.37.461 (voor als jullie mijn dossier willen opzoeken)',
    expected: [{ kind: 'bsn', text: '1928.37.461' }],
  },
  {
    text: 'Mijn oude sofinummer was 49182730, is dat hetzelfde als mijn BSN?',
    expected: [{ kind: 'bsn', text: '49182730' }],
  },
  {
    text: 'Op mijn loonstrook staat bij "fiscaal nummer" 406-172-833. Moet ik dat doorgeven aan de gemeente?',
    expected: [{ kind: 'bsn', text: '406-172-833' }],
  },
  {
    text: 'Voor de zekerheid: BSN 284 691 355 en IBAN NL59PLEI0736152048. Waarom is mijn bijstand over november nog niet betaald?',
    expected: [
      { kind: 'bsn', text: '284 691 355' },
      { kind: 'iban', text: 'NL59PLEI0736152048' },
    ],
  },

  // iban
  {
    text: 'Ik heb de WW-uitkering nog niet ontvangen. Mijn rekeningnummer is NL66 PLEI 0417 3829 56, staat dat misschien verkeerd bij UWV?',
    expected: [{ kind: 'iban', text: 'NL66 PLEI 0417 3829 56' }],
  },
  {
    text: 'Kunnen jullie controleren of dit het goede IBAN is: NL16TEST0283746519',
    expected: [{ kind: 'iban', text: 'NL16TEST0283746519' }],
  },
  {
    text: 'de gemeente stort de bijstand op nl78plei0612093847 maar ik heb die rekening opgezegd, wat nu?',
    expected: [{ kind: 'iban', text: 'nl78plei0612093847' }],
  },
  {
    text: 'Mijn vriendin woont in België en wil dat ik het geld overmaak naar BE68 5390 0754 7034. Telt dat als inkomen voor mijn bijstand?',
    expected: [{ kind: 'iban', text: 'BE68 5390 0754 7034' }],
  },
  {
    text: 'Ik werk over de grens in Duitsland, mijn loon komt op DE57 5001 0517 5382 9174 60. Hoe zit het dan met WW in Nederland?',
    expected: [{ kind: 'iban', text: 'DE57 5001 0517 5382 9174 60' }],
  },
  {
    text: 'Het UWV vraagt om een rekeningnummer voor de voorschotten. Ik heb opgegeven: nl71 test 0920 3847 56 t.n.v. J. Visser. Is dat genoeg?',
    expected: [
      { kind: 'iban', text: 'nl71 test 0920 3847 56' },
      { kind: 'name', text: 'J. Visser' },
    ],
  },

  // phone
  {
    text: 'Bel me gerust even, 06-12345678, ik kom er zelf echt niet meer uit met die Ziektewet.',
    expected: [{ kind: 'phone', text: '06-12345678' }],
  },
  {
    text: 'Mijn nummer is +31 6 2345 6789, via WhatsApp ben ik het best bereikbaar.',
    expected: [{ kind: 'phone', text: '+31 6 2345 6789' }],
  },
  {
    text: 'Wie kan mij helpen met bezwaar tegen de WIA-beslissing? Je kunt me bereiken op 0031 6 34567890.',
    expected: [{ kind: 'phone', text: '0031 6 34567890' }],
  },
  {
    text: 'Mijn ex-werkgever betaalt mijn laatste loon niet uit. Wie wil meedenken? Tel: +31 (0)6 45 67 89 01 (liefst na 18:00 uur)',
    expected: [{ kind: 'phone', text: '+31 (0)6 45 67 89 01' }],
  },
  {
    text: 'Je mag mij bellen op 020-7654321, ik werk niet meer dus ik ben overdag thuis.',
    expected: [{ kind: 'phone', text: '020-7654321' }],
  },
  {
    text: 'Mijn vaste nummer is (010) 234 56 78, een mobiel heb ik niet.',
    expected: [{ kind: 'phone', text: '(010) 234 56 78' }],
  },
  {
    text: 'ik ben te bereiken op 0612983746 of mail naar sandra.peters@example.nl',
    expected: [
      { kind: 'phone', text: '0612983746' },
      { kind: 'email', text: 'sandra.peters@example.nl' },
    ],
  },
  {
    text: 'Het UWV kan mij bereiken op +31 30 2345678, dat is mijn vaste lijn thuis.',
    expected: [{ kind: 'phone', text: '+31 30 2345678' }],
  },

  // email
  {
    text: 'Mijn jobcoach heeft me gevraagd dit te posten. Reacties graag naar Mark.DeVries@Example.com.',
    expected: [{ kind: 'email', text: 'Mark.DeVries@Example.com' }],
  },
  {
    text: 'Mijn e-mailadres is fam.yilmaz+uwv@example.org, daar kun je de stukken naartoe sturen.',
    expected: [{ kind: 'email', text: 'fam.yilmaz+uwv@example.org' }],
  },
  {
    text: 'Stuur het maar naar <r_bakker-1970@voorbeeld.nl>, dan kijk ik er vanavond naar.',
    expected: [{ kind: 'email', text: 'r_bakker-1970@voorbeeld.nl' }],
  },
  {
    text: 'Mijn e-mail is P.JANSEN@EXAMPLE.NL en mijn telefoonnummer 050 312 4567.',
    expected: [
      { kind: 'email', text: 'P.JANSEN@EXAMPLE.NL' },
      { kind: 'phone', text: '050 312 4567' },
    ],
  },

  // postcode and street-address
  {
    text: 'Mijn adres is Kerkstraat 12, 1234 AB Amsterdam. De gemeente zegt dat ik de kostendelersnorm krijg omdat mijn zoon bij mij woont.',
    expected: [
      { kind: 'street-address', text: 'Kerkstraat 12' },
      { kind: 'postcode', text: '1234 AB' },
    ],
  },
  {
    text: 'Ik woon aan de Dorpsstraat 4a in Zeist en mijn werkgever wil dat ik elke dag naar Rotterdam reis. Is dat passend werk?',
    expected: [{ kind: 'street-address', text: 'Dorpsstraat 4a' }],
  },
  {
    text: 'Ons nieuwe adres: Julianalaan 14-2, 2595AB Den Haag. Moet ik dit zelf doorgeven aan het UWV?',
    expected: [
      { kind: 'street-address', text: 'Julianalaan 14-2' },
      { kind: 'postcode', text: '2595AB' },
    ],
  },
  {
    text: 'De brief is naar mijn oude adres gestuurd, Molenweg 17 bis, 7411 kl Deventer, en nu is mijn termijn voor bezwaar verlopen.',
    expected: [
      { kind: 'street-address', text: 'Molenweg 17 bis' },
      { kind: 'postcode', text: '7411 kl' },
    ],
  },
  {
    text: 'Ik woon op de Hoge Ham 112 in Dongen, vlak bij het station.',
    expected: [{ kind: 'street-address', text: 'Hoge Ham 112' }],
  },
  {
    text: 'mijn postcode is 3511AB, valt dat onder het Werkplein Utrecht of onder de gemeente Nieuwegein?',
    expected: [{ kind: 'postcode', text: '3511AB' }],
  },
  {
    text: 'Moet ik bij een verhuizing naar 5611 AZ Eindhoven mijn WW opnieuw aanvragen?',
    expected: [{ kind: 'postcode', text: '5611 AZ' }],
  },
  {
    text: 'Ik ben verhuisd naar 1017 CT, maar het UWV stuurt alles nog naar mijn oude adres.',
    expected: [{ kind: 'postcode', text: '1017 CT' }],
  },
  {
    text: 'Ik woon aan de Laan van Meerdervoort 550 en moet voor een sollicitatie naar Zoetermeer. Krijg ik reiskosten vergoed?',
    expected: [{ kind: 'street-address', text: 'Laan van Meerdervoort 550' }],
  },
  {
    text: 'Mijn adres: Burgemeester de Withstraat 5, 4811 EP Breda. Ik krijg geen post meer van de gemeente.',
    expected: [
      { kind: 'street-address', text: 'Burgemeester de Withstraat 5' },
      { kind: 'postcode', text: '4811 EP' },
    ],
  },

  // date-of-birth
  {
    text: 'Ik heb een brief gekregen met geb. 12-03-1985 erop, maar mijn geboortedatum is 21-03-1985. Moet ik dat aanpassen bij de gemeente?',
    expected: [
      { kind: 'date-of-birth', text: '12-03-1985' },
      { kind: 'date-of-birth', text: '21-03-1985' },
    ],
  },
  {
    text: 'Geboortedatum: 03/07/1979\nBSN: 234560125\nIk wil weten of ik recht heb op de IOW.',
    expected: [
      { kind: 'date-of-birth', text: '03/07/1979' },
      { kind: 'bsn', text: '234560125' },
    ],
  },
  {
    text: 'Ik ben geboren op 5 mei 1990 en heb een Wajong-uitkering. Mag ik nu meer uren werken?',
    expected: [{ kind: 'date-of-birth', text: '5 mei 1990' }],
  },
  {
    text: 'Mijn moeder (geboren 14 februari 1958) krijgt AOW maar ik zorg voor haar. Heeft dat gevolgen voor mijn bijstand?',
    expected: [{ kind: 'date-of-birth', text: '14 februari 1958' }],
  },
  {
    text: 'geb 01.01.1970, 30 jaar in de bouw gewerkt, nu in de WIA afgekeurd voor 45%.',
    expected: [{ kind: 'date-of-birth', text: '01.01.1970' }],
  },
  {
    text: 'Mijn geboortedatum is 1985-11-30, dus ik val toch onder de oude regels voor de WW-duur?',
    expected: [{ kind: 'date-of-birth', text: '1985-11-30' }],
  },
  {
    text: 'Ik ben op 12 maart 1961 geboren, kan ik nog een IOW-uitkering krijgen als mijn WW afloopt?',
    expected: [{ kind: 'date-of-birth', text: '12 maart 1961' }],
  },
  {
    text: 'Voor de aanvraag: Thomas van Leeuwen, geb. 3 okt. 1971, Lindelaan 8, 6821 BD Arnhem.',
    expected: [
      { kind: 'name', text: 'Thomas van Leeuwen' },
      { kind: 'date-of-birth', text: '3 okt. 1971' },
      { kind: 'street-address', text: 'Lindelaan 8' },
      { kind: 'postcode', text: '6821 BD' },
    ],
  },
  {
    text: 'Mijn vader (geboortedatum 7-8-1949) woont bij ons in, Prinses Irenestraat 23 B in Hengelo. Telt hij mee voor de kostendelersnorm?',
    expected: [
      { kind: 'date-of-birth', text: '7-8-1949' },
      { kind: 'street-address', text: 'Prinses Irenestraat 23 B' },
    ],
  },

  // ---- Near misses: nothing here is personal data ----
  { text: 'Mijn WW-uitkering is € 1.612,34 bruto per maand, is dat 70% van mijn dagloon?', expected: [] },
  {
    text: 'Ik ben op 12-03-2024 ziekgemeld en mijn contract loopt af op 1 januari 2025. Krijg ik dan Ziektewet?',
    expected: [],
  },
  {
    // A nine-digit number that passes the 11-proef, but it is a zaaknummer.
    text: 'Het UWV zegt dat mijn zaaknummer 618392051 is, maar ik kan het nergens terugvinden in Mijn UWV.',
    expected: [],
  },
  {
    text: 'Klantnummer 802143659 staat op de brief van de gemeente, moet ik dat bij elke vraag vermelden?',
    expected: [],
  },
  { text: "Ons KvK-nummer is 58291751; als zzp'er heb ik toch geen recht op WW?", expected: [] },
  {
    // Fails the 11-proef.
    text: 'Op de beschikking staat referentie 204581942 en een datum van 14 oktober. Wat moet ik daarmee?',
    expected: [],
  },
  {
    text: 'Ik kreeg een acceptgiro met betalingskenmerk 3000 1234 5678 9012 voor de terugvordering van de bijstand.',
    expected: [],
  },
  {
    text: 'Volgens artikel 7:629 BW krijg ik 104 weken loon bij ziekte, maar mijn werkgever betaalt maar 70%.',
    expected: [],
  },
  { text: 'Sinds 2019 werk ik 32 uur per week, en in 2023 ben ik uitgevallen met een burn-out.', expected: [] },
  {
    text: 'Kijk op https://www.uwv.nl/particulieren/ziek/index.aspx of op www.rijksoverheid.nl voor de regels.',
    expected: [],
  },
  { text: 'Het Werkplein is open van 09:00-17:00, op vrijdag tot 12.30 uur.', expected: [] },
  {
    text: 'Wat is het verschil tussen de WW, de WIA en de Participatiewet? Het UWV en de SVB sturen me van het kastje naar de muur.',
    expected: [],
  },
  { text: 'Ik ben ziek en mijn werkgever dreigt met ontslag. Wat nu?', expected: [] },
  {
    text: 'Moet ik alles wat ik meneer de bedrijfsarts vertel ook aan mijn werkgever laten weten?',
    expected: [],
  },
  { text: 'Bedankt voor jullie hulp.\n\nGroet,\nEen bezorgde moeder', expected: [] },
  { text: 'Weet iemand of ik bezwaar kan maken tegen een maatregel?\n\nGroetjes,\nAnoniem', expected: [] },
  { text: 'Alvast bedankt!\nGroet', expected: [] },
  { text: 'Ik ben Wajonger en wil graag meer uren werken, hoeveel mag ik bijverdienen?', expected: [] },
  { text: "Ik ben ZZP'er en heb een vraag over de Tozo-terugbetaling.", expected: [] },
  {
    text: 'Ik ben Nederlander maar woon sinds vorig jaar in Duitsland. Kan ik mijn WW meenemen?',
    expected: [],
  },
  { text: 'Mijn naam is bij het UWV verkeerd gespeld, hoe pas ik dat aan?', expected: [] },
  { text: 'VANAF 2024 IS MIJN UITKERING GESTOPT EN NIEMAND LEGT UIT WAAROM', expected: [] },
  { text: 'Ik krijg nu ongeveer 1450 WW per maand, mag ik daarnaast een paar uur werken?', expected: [] },
  {
    text: 'Mijn partner is net bevallen. Mijn geboorteverlof loopt van 2 juni tot 9 juni 2025, heeft dat gevolgen voor mijn WW?',
    expected: [],
  },
  {
    text: 'Ik ben geboren en getogen in Tilburg en werk sinds 1 maart 2010 bij dezelfde werkgever.',
    expected: [],
  },
  {
    // An organisation's number, not a person's.
    text: 'Ik heb UWV gebeld op 088 - 898 20 01 maar ik krijg steeds een bandje.',
    expected: [],
  },
  {
    text: 'Bel de gemeente via 14 020 of de Belastingtelefoon 0800-0543 voor vragen over toeslagen.',
    expected: [],
  },
  {
    // An organisation's address.
    text: 'Mijn bezwaar moet naar UWV, Postbus 58285, 1040 HG Amsterdam. Is aangetekend versturen verstandig?',
    expected: [],
  },
  {
    text: 'Ik heb gemaild naar klantcontact@example.nl, het algemene adres van de gemeente, maar nog geen antwoord.',
    expected: [],
  },
  {
    text: 'Ik woon in de Kerkstraat, vlak bij het Werkplein, dus ik kan er makkelijk even langs.',
    expected: [],
  },
  {
    text: 'In hoofdstuk 3 van de Participatiewet staat iets over de kostendelersnorm, en artikel 40 gaat over het woonadres.',
    expected: [],
  },
  { text: 'De Ziektewet geldt maximaal 104 weken; daarna kun je een WIA-uitkering aanvragen.', expected: [] },
  {
    text: 'Mijn dienstverband duurde 12 jaar, 4 maanden en 3 dagen. Hoeveel is mijn transitievergoeding dan?',
    expected: [],
  },
  {
    text: 'Op 06-11-2025 had ik een gesprek, op 13-11-2025 volgt het tweede. Mag ik iemand meenemen?',
    expected: [],
  },
  {
    text: 'Ik werk bij Albert Heijn en mijn teamleider zegt dat ik mijn vakantiedagen moet opmaken tijdens mijn ziekte.',
    expected: [],
  },
  {
    // The employer's loonheffingennummer (its RSIN passes the 11-proef), not the writer's BSN.
    text: 'Op mijn loonstrook staat loonheffingennummer 573849201L01 van mijn werkgever, is dat hetzelfde als mijn BSN?',
    expected: [],
  },
  { text: 'Ik ben 57 jaar en heb 23 jaar gewerkt, mijn dagloon is € 98,45.', expected: [] },
  {
    text: 'Mijn dochter wordt in maart 18; vervalt dan haar kinderbijslag en verandert mijn bijstandsnorm?',
    expected: [],
  },
];
