// Parses one page file and lists its articles.
package main

import (
	"fmt"
	"log"
	"os"

	"banmian"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	parser, err := banmian.NewParser(nil)
	if err != nil {
		log.Fatal(err)
	}
	defer parser.Close()
	page, err := parser.Parse(data, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer page.Close()
	articles, err := page.Articles()
	if err != nil {
		log.Fatal(err)
	}
	enc, _ := page.Encoding()
	fmt.Printf("encoding: %s, articles: %d\n", enc, len(articles))
	for _, a := range articles {
		fmt.Printf("[%s] %s %v\n", a.Kind, a.Title, a.Bylines)
	}
}
