// Package tlvgo is the Go side of TlvBenchmark: a decoder in the shape of the chapter's
// (Listings 4-6, 4-8 and 4-9, described in this workbook's exercises.md, part 4.3), measured on the
// same frames, so that the Java numbers have a Go baseline taken in the same sitting.
//
// It is written for this workbook, not copied from the book. It keeps what decides the cost of a
// frame in the chapter's design: the type byte read and then put back in front of the reader with
// io.MultiReader, the type and the length read with encoding/binary, and the value allocated at
// the size the length field claims and read into. It reads the value with io.ReadFull where the
// chapter makes a single Read; on an in-memory reader both make one call, and ReadFull is what
// the workbook teaches.
//
// Run from this directory (benchmarks/compare-with-go.sh runs it beside the JMH benchmark):
//
//	go test -run '^$' -bench Decode -benchmem
package tlvgo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"testing"
)

const (
	binaryType uint8  = 1
	stringType uint8  = 2
	maxValue   uint32 = 10 << 20
)

// payload is what decodeFrame returns: a *binaryPayload or a *stringPayload.
type payload interface{ Bytes() []byte }

type binaryPayload []byte
type stringPayload string

func (p *binaryPayload) Bytes() []byte { return *p }
func (p *stringPayload) Bytes() []byte { return []byte(*p) }

var errTooLarge = errors.New("frame claims more than 10 MiB")

// readWhole reads a whole frame of the type want, type byte included, the way each of the
// chapter's payloads reads itself: type, big-endian length, then a value of the claimed size.
func readWhole(r io.Reader, want uint8) ([]byte, error) {
	var typ uint8
	if err := binary.Read(r, binary.BigEndian, &typ); err != nil {
		return nil, err
	}
	if typ != want {
		return nil, fmt.Errorf("type %d, want %d", typ, want)
	}
	var length uint32
	if err := binary.Read(r, binary.BigEndian, &length); err != nil {
		return nil, err
	}
	if length > maxValue {
		return nil, errTooLarge
	}
	value := make([]byte, length) // the claim, trusted: one allocation of the whole value
	if _, err := io.ReadFull(r, value); err != nil {
		return nil, err
	}
	return value, nil
}

// decodeFrame reads the type byte to choose the payload, then gives the byte back in front of r
// so that the payload can read its whole frame.
func decodeFrame(r io.Reader) (payload, error) {
	var typ uint8
	if err := binary.Read(r, binary.BigEndian, &typ); err != nil {
		return nil, err
	}
	again := io.MultiReader(bytes.NewReader([]byte{typ}), r)
	switch typ {
	case binaryType:
		value, err := readWhole(again, binaryType)
		if err != nil {
			return nil, err
		}
		p := binaryPayload(value)
		return &p, nil
	case stringType:
		value, err := readWhole(again, stringType)
		if err != nil {
			return nil, err
		}
		p := stringPayload(value) // a Go string owns its bytes: this copies the value
		return &p, nil
	}
	return nil, fmt.Errorf("unknown type %d", typ)
}

// frame is one frame of the given type holding size bytes: random bytes for binary, lower-case
// ASCII letters for a string, as TlvBenchmark's frames.
func frame(kind string, size int) []byte {
	random := rand.New(rand.NewSource(42))
	value := make([]byte, size)
	typ := binaryType
	if kind == "binary" {
		random.Read(value)
	} else {
		typ = stringType
		for i := range value {
			value[i] = byte('a' + random.Intn(26))
		}
	}
	header := []byte{typ, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(header[1:], uint32(size))
	return append(header, value...)
}

func TestDecodesTheWorkbooksGoldenFrame(t *testing.T) {
	// String("Errors are values."), as drawn in Frame's javadoc.
	golden := append([]byte{0x02, 0x00, 0x00, 0x00, 0x12}, "Errors are values."...)
	r := bytes.NewReader(append(golden, 0x2a))
	p, err := decodeFrame(r)
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := p.(*stringPayload); !ok || string(*s) != "Errors are values." {
		t.Fatalf("decoded %#v, want the string payload \"Errors are values.\"", p)
	}
	if next, _ := r.ReadByte(); next != 0x2a {
		t.Fatalf("the byte after the frame is %#x, want 0x2a left in the reader", next)
	}
}

func TestDecodesTheBenchmarkFrames(t *testing.T) {
	for _, kind := range []string{"binary", "string"} {
		for _, size := range []int{16, 1 << 20} {
			f := frame(kind, size)
			p, err := decodeFrame(bytes.NewReader(f))
			if err != nil {
				t.Fatalf("%s/%d: %v", kind, size, err)
			}
			if !bytes.Equal(p.Bytes(), f[5:]) {
				t.Fatalf("%s/%d: the value came back different", kind, size)
			}
		}
	}
	if _, err := decodeFrame(bytes.NewReader([]byte{1, 0, 0xa0, 0, 1})); err != errTooLarge {
		t.Fatalf("a claim of 10 MiB + 1 gave %v, want errTooLarge", err)
	}
}

var sink payload

// BenchmarkDecode decodes one frame per operation, from memory: ns/op is ns per frame, and MB/s
// counts the whole frame (header and value), as TlvBenchmark's GB/s column does.
func BenchmarkDecode(b *testing.B) {
	for _, kind := range []string{"binary", "string"} {
		for _, size := range []int{16, 1 << 20} {
			f := frame(kind, size)
			b.Run(fmt.Sprintf("%s/%d", kind, size), func(b *testing.B) {
				b.SetBytes(int64(len(f)))
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					p, err := decodeFrame(bytes.NewReader(f))
					if err != nil {
						b.Fatal(err)
					}
					sink = p
				}
			})
		}
	}
}
