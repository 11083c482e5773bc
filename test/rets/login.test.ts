import { describe, expect, it } from 'vitest';
import { loginError, parseLoginResponse, parseLogoutResponse } from '../../shared/rets/login';
import { decodeBody } from '../../shared/rets/text';
import { sample } from '../samples/corpus';
import { readSample } from '../samples/paths';

const LIB = 'NationalAssociationOfRealtors__libRETS/project/librets/test/src/resources/';
const VARIMAN = 'NationalAssociationOfRealtors__variman/variman/trunk/project/rets-client/junit/org/realtors/rets/client/';
const text = (rel: string) => decodeBody(readSample(rel));
const body = (file: string, index = 0) => { const s = sample(file, index); return decodeBody(s.body, s.contentType); };

describe('parseLoginResponse', () => {
  it('RETS 1.5 (libRETS): " = " spacing, relative and absolute URLs, X- capability, Expr kept', () => {
    const r = parseLoginResponse(text(LIB + 'login-valid15.xml'), 'http://example.com:6103/rets/login');
    expect(r.replyCode).toBe(0);
    expect(r.capabilities.Search).toBe('http://example.com:6103/rets/search');
    expect(r.capabilities.Action).toBe('http://example.com:6103/rets/action');
    expect(r.capabilities.GetMetadata).toBe('http://example.com:6103/rets/getMetadata');
    expect(r.standardCapabilities.LoginComplete).toBe('http://example.com:6103/rets/loginComplete');
    expect(r.vendorCapabilities).toEqual({ 'X-Field': 'Value' });
    expect(r.member).toMatchObject({ memberName: 'Joe Schmoe', userId: 'Joe', userLevel: 'NULL', balance: '3,197.35', officeList: ['chi'] });
    expect(r.member.brokerCode).toBeUndefined();
    expect(r.metadataVersion).toBe('1.0.000');
    expect(r.metadataTimestamp).toBe('01 Jan 2000 01:02:00 GMT');
    expect(r.minMetadataTimestamp).toBe('01 Jan 2000 01:01:00 GMT');
    expect(r.timeoutSeconds).toBe(1800);
    expect(r.other.Expr).toBe('01 Jan 2000 01:03:00 GMT, 5');
    expect(r.missingCapabilities).toEqual([]);
    expect(r.entries).toHaveLength(21);
    expect(r.entries[1]).toEqual({ key: 'MemberName', value: 'Joe Schmoe' });
  });

  it('RETS 1.0 (MRIS): keys straight inside <RETS>, User and Broker split, trailing blanks trimmed', () => {
    const r = parseLoginResponse(text(LIB + 'login-valid10.xml'), 'http://cornerstone.mris.com:6103/platinum/login');
    expect(r.replyText).toBe('V2.0.4 : Success');
    expect(r.member).toMatchObject({ memberName: 'Elizabeth A Davis', userId: '272', userLevel: 'AGENT:BROKER OFFICE:OFFICE', userClass: '50', agentCode: '272', brokerCode: 'MRIS', brokerBranch: '1', officeList: ['MRIS;1'] });
    expect(r.minMetadataVersion).toBe('1.1.1');
    expect(r.capabilities.GetObject).toBe('http://cornerstone.mris.com:6103/platinum/getobject');
    expect(Object.keys(r.capabilities)).toHaveLength(6);
  });

  it('RETS 1.8 Info=NAME;Type;Value lines fill member and metadata facts; unknown ones kept', () => {
    const r = parseLoginResponse(text('terradatum__rets-client/src/test/resources/login_valid18.xml'), 'http://rets.test:6103/login');
    expect(r.info).toHaveLength(15);
    expect(r.info[5]).toEqual({ name: 'Balance', type: '', value: '44.21' });
    expect(r.member).toMatchObject({ memberName: 'Joe T. Schmoe', brokerCode: 'B123', brokerBranch: 'BO987', userId: 'A123', userClass: '5678', userLevel: '1', agentCode: 'A123', balance: '44.21' });
    expect(r.metadataVersion).toBe('1.00.000');
    expect(r.metadataId).toBe('Trestle_Elastic-12');
    expect(r.timeoutSeconds).toBe(60);
    expect(r.other).toMatchObject({ UnknownIdentifier: 'Monkeys', VendorName: 'CoreLogic', ServerProductName: 'Trestle' });
    expect(r.capabilities.GetObject).toBe('http://rets.test:6103/getObjectEx');
  });

  it('two-part Info=NAME;Value lines', () => {
    const r = parseLoginResponse('<RETS ReplyCode="0"><RETS-RESPONSE>\nInfo=USERID;joe\nInfo=MEMBERNAME;Character;Joe; Jr\nSearch=/s\n</RETS-RESPONSE></RETS>', 'https://h/rets/login');
    expect(r.member.userId).toBe('joe');
    expect(r.member.memberName).toBe('Joe; Jr');
  });

  it('Paragon: indented lines, host-relative URLs against an absolute Login URL', () => {
    const loginUrl = 'http://neren.rets.paragonrels.com/rets/fnisrets.aspx/NEREN/login';
    const r = parseLoginResponse(text('USRealEstate__rets-io/client/src/test/resources/login_response_valid_1.7.xml'), loginUrl);
    expect(r.replyText).toBe('Login Request');
    expect(r.capabilities.Search).toBe('http://neren.rets.paragonrels.com/rets/fnisrets.aspx/NEREN/search');
    expect(r.capabilities.Login).toBe(loginUrl);
    expect(r.metadataTimestamp).toBe('2019-09-12T00:52:11.2Z');
    expect(r.timeoutSeconds).toBe(7200);
    expect(r.member).toMatchObject({ memberName: 'BHHS Verani IDX RETS User', userId: 'test', userLevel: '1', userClass: '21', agentCode: '279117', brokerCode: '4935', brokerBranch: '4935' });
  });

  it('flexmls (PHRETS VCR): vendor X- capabilities, X-ApiAccessSettings exposed', () => {
    const r = parseLoginResponse(body('troydavisson__PHRETS/tests/Integration/Fixtures/VCR/Login/standard_1.7.2.json'), 'http://retsgw.flexmls.com/rets2_1/Login');
    expect(r.vendorCapabilities['X-ApiAccessSettings']).toBe('http://retsgw.flexmls.com/rets2_1/API');
    expect(r.vendorCapabilities['X-SupportSite']).toBe('http://flexmls.com/rets/');
    expect(r.capabilities['X-SampleLinks']).toBe('http://retsgw.flexmls.com/rets2_1/Links');
    expect(r.metadataVersion).toBe('01.03.70912');
    expect(r.member.brokerCode).toBe('RETSOFFIC');
  });

  it('flexmls limited capability list: the missing required ones are listed', () => {
    const r = parseLoginResponse(body('troydavisson__PHRETS/tests/Integration/Fixtures/Http/get/retsgw.flexmls.com/limited_rets2_1_Login/d848b86daf1f828cdf637404afc72626.txt'), 'http://retsgw.flexmls.com/limited/rets2_1/Login');
    expect(r.missingCapabilities).toEqual(['GetMetadata']);
    expect(r.capabilities.GetObject).toBeUndefined();
    expect(r.capabilities.Search).toBe('http://retsgw.flexmls.com/limited/rets2_1/Search');
  });

  it('Matrix login with only relative URLs; estately whitespace around "="', () => {
    const r = parseLoginResponse(text('refindlyllc__rets/tests/rets_responses/Errors/Login_no_host.xml'), 'https://mls.example.org/rets/Login.ashx');
    expect(Object.values(r.capabilities).every((u) => u.startsWith('https://mls.example.org/'))).toBe(true);
    const w = parseLoginResponse(text('estately__rets/test/fixtures.rb__CAPABILITIES_WITH_WHITESPACE.xml'), 'http://a.b/RETS/Login');
    expect(w.capabilities).toEqual({ Action: 'http://a.b/RETS/Action' });
  });

  it('tolerates lowercase keys, lines without "=", relative paths, query strings and two root elements', () => {
    const b = '<RETS ReplyCode="0" ReplyText="ok"><RETS-RESPONSE>\r\nmembername = Ann\r\nsearch=search.asp\r\njust some words\r\n' +
      'getmetadata = /rets/md?x=1\r\nlogin=login\r\naction=/rets/get?Command=Message\r\n</RETS-RESPONSE></RETS>\r\n<RETS ReplyCode="0"/>';
    const r = parseLoginResponse(b, 'https://h.example/rets/login?Version=1');
    expect(r.member.memberName).toBe('Ann');
    expect(r.capabilities).toEqual({
      Search: 'https://h.example/rets/search.asp', GetMetadata: 'https://h.example/rets/md?x=1',
      Login: 'https://h.example/rets/login', Action: 'https://h.example/rets/get?Command=Message',
    });
    expect(r.warnings).toEqual(['Ignored a login line without "key=value": "just some words".']);
  });

  it('a failed login keeps its reply code; loginError gives the catalogue hint', () => {
    const r = parseLoginResponse(text(LIB + 'login-invalid.xml'), 'http://x/login');
    expect(r.replyCode).toBe(20036);
    expect(r.missingCapabilities).toEqual([]);
    const e = loginError(r, 200, 'http://x/login');
    expect(e.info).toMatchObject({ kind: 'rets', transaction: 'Login', replyCode: 20036, replyText: 'Miscellaneous Server Error' });
    expect(e.info.cause).toMatch(/whitelist/);
  });

  it('an HTML page is not a login', () => {
    const r = parseLoginResponse(text('estately__rets/test/fixtures.rb__HTML_AUTH_FAILURE.html'), 'http://x/login');
    expect(r.replyCode).toBe(-1);
    expect(loginError(r).info.kind).toBe('parse');
  });
});

describe('parseLogoutResponse', () => {
  it('reads ConnectTime, Billing and SignOffMessage with " = " spacing', () => {
    expect(parseLogoutResponse(text(LIB + 'logout-valid15.xml'))).toMatchObject({ replyCode: 0, connectTime: 51, billing: '0.36', signOffMessage: 'Goodbye' });
  });
  it('lowercase keys, RETS 1.0 layout, and the libRETS network recording', () => {
    expect(parseLogoutResponse(text(VARIMAN + 'logout_lower_case.xml'))).toMatchObject({ connectTime: 1000, billing: '$20.00', signOffMessage: 'Good Bye' });
    expect(parseLogoutResponse(text(VARIMAN + 'logout_valid10.xml'))).toMatchObject({ connectTime: 1000, billing: '$20.00' });
    expect(parseLogoutResponse(body('NationalAssociationOfRealtors__libRETS/project/librets/test-network/src/resources/logout')).replyCode).toBe(0);
  });
  it('flexmls: ReplyText before ReplyCode; CRIS: empty RETS-RESPONSE; empty body', () => {
    expect(parseLogoutResponse(body('troydavisson__PHRETS/tests/Integration/Fixtures/VCR/Login/it_disconnects.json', 1))).toMatchObject({ replyCode: 0, replyText: 'Logout Successful', signOffMessage: 'Good Bye' });
    const cris = parseLogoutResponse(text(LIB + 'logout-cris.xml'));
    expect(cris).toMatchObject({ replyCode: 0, replyText: '', entries: [], warnings: [] });
    expect(parseLogoutResponse('')).toEqual({ replyCode: 0, replyText: '', entries: [], warnings: [] });
  });
});
