import { modelFromText, modelToYaml } from './model-text';

describe('model text', () => {
  const model = { id: 'default', version: 'v2', name: 'Default', qualification: { minBehaviour: 50, minGrade: 'B' } };

  it('reads back the YAML it writes', () => {
    expect(modelFromText(modelToYaml(model))).toEqual(model);
  });

  it('reads JSON too', () => {
    expect(modelFromText(JSON.stringify(model))).toEqual(model);
  });

  it('rejects text that is not an object, and a model without a version', () => {
    expect(() => modelFromText('- a\n- b')).toThrow('YAML or JSON object');
    expect(() => modelFromText('id: x\nname: y')).toThrow('needs a version');
  });

  it('rejects text that is not YAML', () => {
    expect(() => modelFromText('a: [')).toThrow();
  });
});
