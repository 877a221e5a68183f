import { PATH_METADATA } from '@nestjs/common/constants';
import { SEGMENT_ROUTES } from './segment-routes';
import { SegmentController } from './segment.controller';

it('lists every route of the Segment controller, so each reads JSON whatever its Content-Type', () => {
  const prefix = Reflect.getMetadata(PATH_METADATA, SegmentController) as string;
  const routes = Object.getOwnPropertyNames(SegmentController.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => Reflect.getMetadata(PATH_METADATA, SegmentController.prototype[name as keyof SegmentController]))
    .filter((path): path is string | string[] => path !== undefined)
    .flat()
    .map((path) => `/${prefix}/${path}`);

  expect([...routes].sort()).toEqual([...SEGMENT_ROUTES].sort());
});
