import { IsString } from 'class-validator';

/** The JSON form of an MRZ look-up: the lines as scanned, separated by line breaks. */
export class MrzBody {
  @IsString() mrz!: string;
}
