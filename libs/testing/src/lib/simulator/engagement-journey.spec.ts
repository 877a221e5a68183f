import fc from 'fast-check';
import { intensityOf, journeyOf } from './engagement-journey';
import { marketCompanies } from './firmographics';
import { SeededRandom } from './seeded-random';
import { drawLead, propensityOf, type SimulatedLead } from './simulated-lead';

const companies = marketCompanies();
const someLead = drawLead(new SeededRandom(1), 'run', 0, companies);
const withPropensity = (propensity: number): SimulatedLead => ({ ...someLead, propensity });

/** Mean intensity of `count` journeys of a person with `propensity`, from `seed`. */
function meanIntensity(seed: number, propensity: number, count: number): number {
  const random = new SeededRandom(seed);
  let total = 0;
  for (let i = 0; i < count; i++) total += intensityOf(journeyOf(random, withPropensity(propensity)));
  return total / count;
}

describe('engagement journeys', () => {
  it('are more intense the likelier the person is to buy', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0.3, max: 0.4, noNaN: true }),
        (seed, low, gap) => meanIntensity(seed, low + gap, 300) > meanIntensity(seed, low, 300),
      ),
      { numRuns: 30 },
    );
  });

  it('request demos far more often among likely buyers', () => {
    const demoShare = (propensity: number) => {
      const random = new SeededRandom(4);
      const journeys = Array.from({ length: 2000 }, () => journeyOf(random, withPropensity(propensity)));
      return journeys.filter((steps) => steps.some((step) => step.type === 'demo_request')).length / journeys.length;
    };
    expect(demoShare(0.9)).toBeGreaterThan(3 * demoShare(0.1));
  });

  it('name the email only on steps that identify, and request a demo only after identifying', () => {
    const random = new SeededRandom(5);
    for (let i = 0; i < 500; i++) {
      const steps = journeyOf(random, withPropensity(random.next()));
      const firstIdentify = steps.findIndex((step) => step.type === 'profile_update');
      const demo = steps.findIndex((step) => step.type === 'demo_request');
      if (demo >= 0) expect(firstIdentify).toBeGreaterThanOrEqual(0);
      if (demo >= 0) expect(demo).toBeGreaterThan(firstIdentify);
      expect(steps.filter((step) => step.identifies).every((step) => step.type !== 'page_view')).toBe(true);
    }
  });
});

describe('propensity', () => {
  it('stays strictly between 0 and 1 and rises with fit', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (noise) => {
        const lead = drawLead(new SeededRandom(8), 'run', 0, companies);
        const fit = { ...lead.company, industry: 'software', employeeCount: 300 };
        const poor = { ...lead.company, industry: 'retail', employeeCount: 5 };
        const p = propensityOf(fit, lead.person, noise);
        return p > 0 && p < 1 && p > propensityOf(poor, lead.person, noise);
      }),
    );
  });
});
