/**
 * Company legal forms: canonical form → spellings (abbreviated, expanded, romanised). Legal forms say little
 * about identity (Siemens AG is Siemens Aktiengesellschaft), so the scorer weighs them lightly.
 * Compiled for paxscreen from the forms' common usage in sanctions and company registers.
 */
// prettier-ignore
export const LEGAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  llc: ['llc', 'l.l.c.', 'limited liability company', 'limited liability co', 'ooo', 'o.o.o.', 'общество с ограниченной ответственностью', 'obshchestvo s ogranichennoi otvetstvennostiu', 'obshchestvo s ogranichennoy otvetstvennostyu', 'tov', 'тов', 'sp z o o', 'sp. z o.o.', 'spolka z ograniczona odpowiedzialnoscia', 'srl', 's.r.l.', 'societatea cu raspundere limitata', 'societa a responsabilita limitata', 'sarl', 's.a.r.l.', 'société à responsabilité limitée', 'sro', 's.r.o.', 'doo', 'd.o.o.', 'ltda', 'eood', 'too', 'тоо'],
  gmbh: ['gmbh', 'g.m.b.h.', 'gesellschaft mit beschrankter haftung', 'gesellschaft mit beschraenkter haftung'],
  ltd: ['ltd', 'limited', 'ltd.', 'pte ltd', 'pty ltd', 'pvt ltd', 'private limited', 'private limited company', 'pty', 'pte'],
  inc: ['inc', 'inc.', 'incorporated'],
  corp: ['corp', 'corp.', 'corporation'],
  co: ['co', 'co.', 'company', 'coy'],
  plc: ['plc', 'p.l.c.', 'public limited company'],
  jsc: ['jsc', 'ojsc', 'cjsc', 'pjsc', 'ao', 'oao', 'zao', 'pao', 'jstock', 'joint stock company', 'joint-stock company', 'open joint stock company', 'closed joint stock company', 'public joint stock company', 'акционерное общество', 'открытое акционерное общество', 'закрытое акционерное общество', 'публичное акционерное общество', 'aktsionernoe obshchestvo', 'aktsionernoye obshchestvo', 'otkrytoe aktsionernoe obshchestvo', 'zakrytoe aktsionernoe obshchestvo', 'зат'],
  ag: ['ag', 'aktiengesellschaft'],
  sa: ['sa', 's.a.', 'sociedad anonima', 'societe anonyme', 'sa de cv', 's.a. de c.v.', 'sab de cv', 'saic', 'spa', 's.p.a.', 'societa per azioni'],
  nv: ['nv', 'n.v.', 'naamloze vennootschap'],
  bv: ['bv', 'b.v.', 'besloten vennootschap', 'bvba', 'b.v.b.a'],
  lp: ['lp', 'l.p.', 'limited partnership'],
  llp: ['llp', 'l.l.p.', 'limited liability partnership'],
  ab: ['ab', 'aktiebolag'],
  as: ['a/s', 'asa', 'aps'],
  oy: ['oy', 'oyj'],
  kg: ['kg', 'kgaa', 'gmbh & co kg', 'gmbh and co kg', 'ohg'],
  se: ['se', 'societas europaea'],
  sas: ['sas', 's.a.s.', 'societe par actions simplifiee'],
  pt: ['pt', 'p.t.', 'perseroan terbatas'],
  na: ['na', 'n.a.', 'national association'],
  ano: ['ano', 'autonomous non-profit organization', 'avtonomnaia nekommercheskaia organizatsiia'],
  fze: ['fze', 'fzco', 'fzc', 'fzllc', 'free zone establishment', 'free zone company'],
  kk: ['kk', 'kabushiki kaisha', 'kabushikigaisha', 'godo kaisha'],
  sdn_bhd: ['sdn bhd', 'sendirian berhad', 'bhd', 'berhad'],
};
