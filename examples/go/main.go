// Parses one page file and lists its articles.
package main

import (
	"fmt"
	"log"
	"os"

	"banmian"
)

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	must(err)
	parser, err := banmian.NewParser(nil) // once; safe for concurrent use
	must(err)
	defer parser.Close()
	page, err := parser.Parse(data, nil) // encoding detected
	must(err)
	defer page.Close()
	articles, err := page.Articles()
	must(err)
	fmt.Printf("articles: %d\n", len(articles))
	for _, a := range articles {
		fmt.Printf("[%s] %s %v\n", a.Kind, a.Title, a.Bylines)
	}
}
