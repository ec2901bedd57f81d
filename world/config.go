package world

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"

	coinsift "github.com/coinsift/coinsift"
)

// Scale names a world size.
type Scale string

// The scales. Tiny is for unit tests, small for quick demos, ISpoof has the
// size of the iSpoof case (59,000 users, ~70 million seized rows, over a
// million transactions).
const (
	ScaleTiny   Scale = "tiny"
	ScaleSmall  Scale = "small"
	ScaleISpoof Scale = "ispoof"
)

// Scales lists the valid scales in increasing size.
var Scales = []Scale{ScaleTiny, ScaleSmall, ScaleISpoof}

// NumSchemaVariants is the number of seized-database schema variants.
const NumSchemaVariants = 3

// Family names the kind of service whose seized database a world holds.
type Family string

// The families. ISpoof is the phone-spoofing service of the model case (the
// default, with NumSchemaVariants layouts); the others are services of other
// kinds, each with its own schema, naming, payment model and behaviours, so
// that every heuristic is measured on data unlike the iSpoof one.
const (
	FamilyISpoof     Family = "ispoof"     // invoices per package, per-invoice deposit addresses
	FamilyBooter     Family = "booter"     // DDoS-for-hire panel
	FamilyCardShop   Family = "cardshop"   // carding shop
	FamilyRansomware Family = "ransomware" // ransomware affiliate panel
)

// Families lists the valid families, the default first.
var Families = []Family{FamilyISpoof, FamilyBooter, FamilyCardShop, FamilyRansomware}

// Config selects the world to generate. The same Config gives byte-identical
// output.
type Config struct {
	// Scale is the world size.
	Scale Scale
	// Seed seeds every random stream.
	Seed uint64
	// Family is the kind of service ("" means FamilyISpoof).
	Family Family
	// SchemaVariant (0..NumSchemaVariants-1) changes the seized tables'
	// names, columns and layout (FamilyISpoof only).
	SchemaVariant int
	// XOR obfuscates the block files with a key in blocks/xor.dat, as
	// Bitcoin Core 28 and later do.
	XOR bool
	// Sign gives every transaction real signatures, making the chain
	// consensus-valid. Without it scriptSigs and witnesses are dummies of
	// realistic size and the world's keys and addresses differ.
	Sign bool
	// Logger receives progress messages; nil discards them.
	Logger *slog.Logger
}

// DefaultConfig returns the configuration of a tiny world with seed 1.
func DefaultConfig() Config {
	return Config{Scale: ScaleTiny, Seed: 1}
}

// ConfigError reports an invalid Config field.
type ConfigError struct {
	Field string
	Value any
	Msg   string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("world config: %s %v: %s", e.Field, e.Value, e.Msg)
}

// Is reports that a ConfigError is of kind coinsift.ErrInvalid.
func (e *ConfigError) Is(target error) bool { return target == coinsift.ErrInvalid }

// Validate reports every invalid field.
func (c *Config) Validate() error {
	var errs []error
	if _, ok := scaleParams[c.Scale]; !ok {
		errs = append(errs, &ConfigError{Field: "scale", Value: c.Scale, Msg: "want tiny, small or ispoof"})
	}
	if c.SchemaVariant < 0 || c.SchemaVariant >= NumSchemaVariants {
		errs = append(errs, &ConfigError{Field: "schema variant", Value: c.SchemaVariant,
			Msg: fmt.Sprintf("want 0..%d", NumSchemaVariants-1)})
	}
	if c.Family != "" && !slices.Contains(Families, c.Family) {
		errs = append(errs, &ConfigError{Field: "family", Value: c.Family, Msg: "want ispoof, booter, cardshop or ransomware"})
	}
	if c.Family != "" && c.Family != FamilyISpoof && c.SchemaVariant != 0 {
		errs = append(errs, &ConfigError{Field: "schema variant", Value: c.SchemaVariant, Msg: "only the ispoof family has schema variants"})
	}
	return errors.Join(errs...)
}

// family returns the configured family, FamilyISpoof when unset.
func (c *Config) family() Family {
	if c.Family == "" {
		return FamilyISpoof
	}
	return c.Family
}

// params are the numbers behind a scale.
type params struct {
	users         int     // seized user accounts (before duplicates and test accounts)
	blocksPerDay  float64 // mean block rate over the timeline
	background    int     // background wallets
	bgPerBlock    float64 // mean background transactions per block
	invoicesMean  float64 // mean invoices per user
	loginsMean    float64 // mean logins per user
	callsMean     float64 // mean calls per user
	victimsPerUse float64 // victims per user
	shops         int     // fraud shops
	pools         int     // mining pools
}

var scaleParams = map[Scale]params{
	ScaleTiny: {users: 40, blocksPerDay: 3, background: 120, bgPerBlock: 0.6,
		invoicesMean: 3, loginsMean: 25, callsMean: 20, victimsPerUse: 5, shops: 3, pools: 2},
	ScaleSmall: {users: 3000, blocksPerDay: 24, background: 4000, bgPerBlock: 2,
		invoicesMean: 4, loginsMean: 60, callsMean: 40, victimsPerUse: 5, shops: 8, pools: 3},
	ScaleISpoof: {users: 59000, blocksPerDay: 144, background: 150000, bgPerBlock: 6.5,
		invoicesMean: 5, loginsMean: 1030, callsMean: 175, victimsPerUse: 5, shops: 20, pools: 5},
}
