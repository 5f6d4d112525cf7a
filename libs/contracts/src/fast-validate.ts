import type { MetadataStorage as TypeStorage } from 'class-transformer/types/MetadataStorage';
import {
  getMetadataStorage,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

// Where class-transformer keeps `@Type` (the storage plainToInstance reads; not in its index).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TypeStorage;
};

/**
 * A fast yes/no check of plain JSON against a contract class, compiled once per class from the
 * same class-validator decorators (and class-transformer `@Type`s) that `validateContract` uses.
 *
 * class-validator's executor looks up and groups metadata, builds ValidationError objects for
 * every property and needs class instances (class-transformer) on every call; for an event stream
 * that cost more than the checks themselves. Here each property's checks run with the very
 * validator instances and constraints class-validator would run, on the plain object.
 *
 * It only ever says "valid" for what class-validator accepts too; anything unusual (a decorator
 * kind not compiled here, an element that is not an object, a failing check) answers `false`,
 * and the caller then runs class-validator itself, which decides and words the error.
 */

interface Check {
  validator: ValidatorConstraintInterface;
  constraints: unknown[];
  each: boolean;
  validateIf?: (object: object, value: unknown) => boolean;
}

interface PropertyPlan {
  name: string;
  /** `@IsOptional`/`@ValidateIf`: the property is skipped when one answers false. */
  conditions: ((object: object, value: unknown) => boolean)[];
  checks: Check[];
  /** `@ValidateNested` with the `@Type` class of its value(s). */
  nested?: () => Plan | undefined;
}

interface Plan {
  targetName: string;
  properties: PropertyPlan[];
}

/** A contract class (what validateContract takes). */
type ContractClass = new () => object;

const plans = new Map<ContractClass, Plan | undefined>();

/** The compiled plan of `cls`, or undefined when it uses something only class-validator handles. */
function planOf(cls: ContractClass): Plan | undefined {
  if (plans.has(cls)) return plans.get(cls);
  plans.set(cls, undefined); // while compiling (a class nested in itself compiles lazily anyway)
  const plan = compile(cls);
  plans.set(cls, plan);
  return plan;
}

function compile(cls: ContractClass): Plan | undefined {
  const storage = getMetadataStorage();
  // The arguments class-validator's executor passes (no groups, `always` off, no schema).
  const metadatas = storage.getTargetValidationMetadatas(cls, '', false, false, undefined);
  if (metadatas.length === 0) return undefined; // forbidUnknownValues: class-validator refuses it
  // Property initialisers would give an instance values its plain JSON lacks: not compiled.
  try {
    if (Object.values(new cls()).some((v) => v !== undefined)) return undefined;
  } catch {
    return undefined;
  }
  const properties: PropertyPlan[] = [];
  for (const [name, list] of Object.entries(storage.groupByPropertyName(metadatas))) {
    const property: PropertyPlan = { name, conditions: [], checks: [] };
    for (const m of list) {
      if (m.type === 'conditionalValidation') {
        property.conditions.push(m.constraints[0] as PropertyPlan['conditions'][number]);
      } else if (m.type === 'customValidation' || m.type === 'isDefined') {
        for (const constraint of storage.getTargetValidatorConstraints(m.constraintCls)) {
          if (constraint.async) return undefined;
          property.checks.push({
            validator: constraint.instance,
            constraints: m.constraints,
            each: m.each,
            validateIf: m.validateIf,
          });
        }
      } else if (m.type === 'nestedValidation') {
        const type = defaultMetadataStorage.findTypeMetadata(cls, name);
        if (!type || type.options?.discriminator) return undefined;
        const nestedClass = type.typeFunction() as ContractClass;
        property.nested = () => planOf(nestedClass);
      } else {
        return undefined; // whitelist, promise validation, …: leave them to class-validator
      }
    }
    properties.push(property);
  }
  return { targetName: cls.name, properties };
}

function passes(check: Check, value: unknown, args: ValidationArguments): boolean {
  if (check.each && (Array.isArray(value) || value instanceof Set || value instanceof Map)) {
    for (const item of value instanceof Map ? value.values() : value)
      if (check.validator.validate(item, args) !== true) return false;
    return true;
  }
  return check.validator.validate(value, args) === true;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function validObject(plan: Plan, object: Record<string, unknown>): boolean {
  for (const property of plan.properties) {
    const value = object[property.name];
    if (!property.conditions.every((c) => c(object, value))) continue;
    if (property.checks.length > 0) {
      const args: ValidationArguments = {
        targetName: plan.targetName,
        property: property.name,
        object,
        value,
        constraints: [],
      };
      for (const check of property.checks) {
        if (check.validateIf && !check.validateIf(object, value)) continue;
        args.constraints = check.constraints;
        if (!passes(check, value, args)) return false;
      }
    }
    if (property.nested && value !== undefined) {
      const nested = property.nested();
      if (!nested) return false;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) if (!isObject(item) || !validObject(nested, item)) return false;
    }
  }
  return true;
}

/**
 * True when `value` certainly satisfies `cls`: class-validator would report no error for it
 * (plainToInstance output) or for plainToInstance of it (parsed JSON; `@Type` gives the classes).
 */
export function quicklyValid(cls: ContractClass, value: unknown): boolean {
  const plan = planOf(cls);
  return plan !== undefined && isObject(value) && validObject(plan, value);
}
