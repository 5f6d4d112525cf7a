import { detectFormat } from './detect-format';

const OFAC_PRIMARY = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ';

describe('detectFormat', () => {
  it.each([
    ['un.xml', '<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="x">', { format: 'UN_XML' }],
    ['list.dat', '\uFEFF  <CONSOLIDATED_LIST>', { format: 'UN_XML' }],
    ['list.json', '{"entries": []}', { format: 'GENERIC_JSON' }],
    ['list.json', '[{"id": "1"}]', { format: 'GENERIC_JSON' }],
    ['sdn.csv', OFAC_PRIMARY, { format: 'OFAC_SDN_CSV', ofacRole: 'primary' }],
    ['whatever.txt', OFAC_PRIMARY, { format: 'OFAC_SDN_CSV', ofacRole: 'primary' }],
    ['cons_prim.csv', OFAC_PRIMARY, { format: 'OFAC_CONS_CSV', ofacRole: 'primary' }],
    ['alt.csv', '36,12,"aka","AERO-CARIBBEAN",-0- ', { format: 'OFAC_SDN_CSV', ofacRole: 'alt' }],
    ['x.csv', '36,12,"aka","AERO-CARIBBEAN",-0- ', { format: 'OFAC_SDN_CSV', ofacRole: 'alt' }],
    ['add.csv', '36,25,-0- ,"Havana","Cuba",-0- ', { format: 'OFAC_SDN_CSV', ofacRole: 'add' }],
    ['sdn_comments.csv', '12300,"Z S.A.S."', { format: 'OFAC_SDN_CSV', ofacRole: 'comments' }],
    ['c.csv', 'source,entity_number,type,programs,name,title,addresses,alt_names', { format: 'CSL_CSV' }],
    ['c.csv', '_id,source,entity_number,type,programs,name,alt_names', { format: 'CSL_CSV' }],
    ['d.txt', '"Name"\t"Street_Address"\t"Effective_Date"\t"FR_Citation"', { format: 'BIS_DPL_TXT' }],
    [
      'w.csv',
      'firstname,lastname,middlename,dob,documentcountry,documentnumber',
      { format: 'GTAS_WATCHLIST_CSV' },
    ],
    ['e.csv', 'programme,card_number,surname,valid_from,valid_to', { format: 'ENROLMENT_CSV' }],
    ['l.csv', 'document_number,issuer,status', { format: 'LOST_STOLEN_CSV' }],
    ['n.csv', 'ID,Surname,Given Names', { format: 'GENERIC_CSV' }],
  ])('%s: %j', (name, text, detected) => {
    expect(detectFormat(name, text)).toEqual(detected);
  });

  it.each([
    ['other XML', 'x.xml', '<html><body/></html>'],
    ['plain text', 'x.txt', 'hello world'],
    ['CSV without known columns', 'x.csv', 'a,b,c\n1,2,3'],
    ['tab text without DPL columns', 'x.txt', 'a\tb'],
    ['empty', 'x.csv', ''],
  ])('%s is not recognised', (_label, name, text) => {
    expect(detectFormat(name, text)).toBeUndefined();
  });
});
