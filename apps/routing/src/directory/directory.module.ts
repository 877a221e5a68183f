import { Module } from '@nestjs/common';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { AccountsStore } from './accounts/accounts.store';
import { DirectoryCsvController } from './csv/directory-csv.controller';
import { DirectoryChanges } from './directory-changes';
import { DirectoryStore } from './directory.store';
import { DirectoryWrites } from './directory-writes';
import { PoolsController } from './pools/pools.controller';
import { PoolsService } from './pools/pools.service';
import { PoolsStore } from './pools/pools.store';
import { RepAvailabilityController } from './reps/rep-availability.controller';
import { RepAvailabilityService } from './reps/rep-availability.service';
import { RepsController } from './reps/reps.controller';
import { RepsService } from './reps/reps.service';
import { RepsStore } from './reps/reps.store';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';
import { TeamsStore } from './teams/teams.store';
import { TerritoriesController } from './territories/territories.controller';
import { TerritoriesService } from './territories/territories.service';
import { TerritoriesStore } from './territories/territories.store';

/**
 * The sales organisation routing decides over: reps and their availability, teams, pools, territories and
 * accounts, over HTTP and CSV. Other modules read it through DirectoryStore and hear availability changes from
 * DirectoryChanges.
 */
@Module({
  controllers: [
    RepsController,
    RepAvailabilityController,
    TeamsController,
    PoolsController,
    TerritoriesController,
    AccountsController,
    DirectoryCsvController,
  ],
  providers: [
    DirectoryChanges,
    DirectoryWrites,
    DirectoryStore,
    RepsStore,
    TeamsStore,
    PoolsStore,
    TerritoriesStore,
    AccountsStore,
    RepsService,
    RepAvailabilityService,
    TeamsService,
    PoolsService,
    TerritoriesService,
    AccountsService,
  ],
  exports: [DirectoryStore, DirectoryChanges],
})
export class DirectoryModule {}
