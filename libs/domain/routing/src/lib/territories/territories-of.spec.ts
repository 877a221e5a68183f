import { lead, territory } from '../../testing/builders';
import { territoriesOf } from './territories-of';

describe('territoriesOf', () => {
  const territories = [
    territory('dach', { countries: ['DE', 'AT', 'CH'] }),
    territory('us-west', { countries: ['US'], regions: ['CA', 'OR', 'WA'] }),
    territory('nyc', { countries: ['US'], postalPrefixes: ['100', '101', '102'] }),
    territory('london', { countries: ['GB'], postalPrefixes: ['EC', 'WC', 'SW1'] }),
    territory('bavaria', { regions: ['Bavaria', 'Bayern'] }),
    territory('empty'),
  ];

  it('places a lead by country alone when the territory lists only countries', () => {
    expect(territoriesOf(lead({ country: 'de' }), territories)).toEqual(['dach']);
  });

  it('narrows a territory with countries and regions to those regions of those countries', () => {
    expect(territoriesOf(lead({ country: 'US', region: 'ca' }), territories)).toEqual(['us-west']);
    expect(territoriesOf(lead({ country: 'US', region: 'TX' }), territories)).toEqual([]);
    expect(territoriesOf(lead({ country: 'CA', region: 'CA' }), territories)).toEqual([]);
  });

  it('matches postal prefixes ignoring spaces, dashes and case', () => {
    expect(territoriesOf(lead({ country: 'US', postalCode: '10017' }), territories)).toEqual(['nyc']);
    expect(territoriesOf(lead({ country: 'GB', postalCode: 'sw1a 1aa' }), territories)).toEqual(['london']);
    expect(territoriesOf(lead({ country: 'GB', postalCode: 'N1 9GU' }), territories)).toEqual([]);
  });

  it('matches a region-only territory in any country and returns every territory that contains the lead', () => {
    expect(territoriesOf(lead({ country: 'DE', region: 'Bayern' }), territories)).toEqual(['dach', 'bavaria']);
  });

  it('places a lead without location data nowhere, and never in a territory that lists nothing', () => {
    expect(territoriesOf(lead(), territories)).toEqual([]);
    expect(territoriesOf(lead({ country: 'US', region: 'WA', postalCode: '98101' }), [territory('empty')])).toEqual([]);
  });
});
