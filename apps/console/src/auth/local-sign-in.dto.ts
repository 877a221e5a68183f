import { IsString, MaxLength, MinLength } from 'class-validator';
import type { LocalSignIn } from '@handoff/console-api';

export class LocalSignInDto implements LocalSignIn {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}
