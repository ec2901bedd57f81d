package tags

import (
	"fmt"
	"io"
	"time"

	"github.com/goccy/go-yaml"
)

// PackHeader is the header of an exported TagPack.
type PackHeader struct {
	Title       string
	Creator     string
	Description string
	LastMod     time.Time
}

type outTag struct {
	Address          string `yaml:"address"`
	Currency         string `yaml:"currency"`
	Label            string `yaml:"label"`
	Category         string `yaml:"category,omitempty"`
	Abuse            string `yaml:"abuse,omitempty"`
	Actor            string `yaml:"actor,omitempty"`
	Source           string `yaml:"source,omitempty"`
	Confidence       string `yaml:"confidence,omitempty"`
	IsClusterDefiner bool   `yaml:"is_cluster_definer,omitempty"`
}

type outPack struct {
	Title       string   `yaml:"title"`
	Creator     string   `yaml:"creator"`
	Description string   `yaml:"description,omitempty"`
	LastMod     string   `yaml:"lastmod"`
	Tags        []outTag `yaml:"tags"`
}

// WritePack writes ts as a GraphSense TagPack, each tag with all its
// fields (no header inheritance), ordered as SortTags orders them.
func WritePack(w io.Writer, h PackHeader, ts []Tag) error {
	sorted := append([]Tag(nil), ts...)
	SortTags(sorted)
	p := outPack{Title: h.Title, Creator: h.Creator, Description: h.Description, LastMod: h.LastMod.UTC().Format(time.DateOnly), Tags: []outTag{}}
	for _, t := range sorted {
		p.Tags = append(p.Tags, outTag{Address: string(t.Address), Currency: t.Currency, Label: t.Label, Category: t.Category,
			Abuse: t.Abuse, Actor: t.Actor, Source: t.Source, Confidence: t.Confidence, IsClusterDefiner: t.IsClusterDefiner})
	}
	b, err := yaml.Marshal(p)
	if err != nil {
		return fmt.Errorf("write tagpack: %w", err)
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write tagpack: %w", err)
	}
	return nil
}
